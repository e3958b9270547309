package io.gptload.shared;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces every occurrence of a secret in a text or a byte body by its masked form
 * ({@link Secret#mask(String)}), before upstream error texts are logged or returned.
 */
public final class Redactor {

    private Redactor() {
    }

    /** Text with every occurrence of {@code secret} masked; null/empty secret or text → text unchanged. */
    public static String redact(String text, String secret) {
        if (text == null || text.isEmpty() || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, Secret.mask(secret));
    }

    /**
     * Body with every occurrence of the UTF-8 bytes of {@code secret} masked. Returns the same array
     * instance when nothing matched (or when body or secret is null/empty).
     */
    public static byte[] redact(byte[] body, String secret) {
        if (body == null || body.length == 0 || secret == null || secret.isEmpty()) {
            return body;
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        int match = indexOf(body, needle, 0);
        if (match < 0) {
            return body;
        }
        byte[] replacement = Secret.mask(secret).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int from = 0;
        while (match >= 0) {
            out.write(body, from, match - from);
            out.write(replacement, 0, replacement.length);
            from = match + needle.length;
            match = indexOf(body, needle, from);
        }
        out.write(body, from, body.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        int last = haystack.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
