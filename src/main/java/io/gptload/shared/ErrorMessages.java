package io.gptload.shared;

import io.gptload.shared.json.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The readable message of an upstream error body, as gpt-load extracts it (for logs, failure
 * records and the uncounted-error rule), and the rule itself.
 */
public final class ErrorMessages {

    /** Longest message kept, in UTF-8 bytes. */
    public static final int MAX_BYTES = 2048;

    private ErrorMessages() {
    }

    /**
     * First non-empty string of {@code error.message}, {@code error_msg}, {@code error},
     * {@code message}; otherwise the raw body text. Truncated to {@link #MAX_BYTES} bytes without
     * splitting a character. A null body gives "".
     */
    public static String parse(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String message = firstNonEmpty(JsonFields.stringAt(body, "error", "message"),
                JsonFields.topLevelString(body, "error_msg"),
                JsonFields.topLevelString(body, "error"),
                JsonFields.topLevelString(body, "message"));
        if (message != null) {
            return truncate(message.getBytes(StandardCharsets.UTF_8));
        }
        return truncate(body);
    }

    /** True for messages that are retried without counting against the key (quota or context-length errors). */
    public static boolean isUncounted(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("resource has been exhausted") || lower.contains("please reduce the length of the messages");
    }

    @SafeVarargs
    private static String firstNonEmpty(Optional<String>... candidates) {
        for (Optional<String> c : candidates) {
            if (c.isPresent() && !c.get().isEmpty()) {
                return c.get();
            }
        }
        return null;
    }

    private static String truncate(byte[] utf8) {
        int len = Math.min(utf8.length, MAX_BYTES);
        if (len < utf8.length) {
            // step back over continuation bytes so the cut falls on a character boundary
            while (len > 0 && (utf8[len] & 0xC0) == 0x80) {
                len--;
            }
        }
        return new String(utf8, 0, len, StandardCharsets.UTF_8);
    }
}
