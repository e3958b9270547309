package io.gptload.shared.json;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** JSON string literals: quoting a Java string, and decoding a scanned literal back to text. */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /** The JSON string literal (with quotes) for {@code value}; control characters and quotes escaped, the rest kept as is. */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !wellFormedPair(value, i)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** True when the surrogate at {@code i} is half of a proper pair (so it can be written as UTF-8). */
    private static boolean wellFormedPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * The text of an already validated string literal {@code b[start, end)} (quotes included).
     * Invalid UTF-8 becomes U+FFFD, as the JDK decoder does.
     */
    static String decode(byte[] b, int start, int end) {
        int from = start + 1;
        int to = end - 1;
        int slash = indexOf(b, from, to);
        if (slash < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder out = new StringBuilder(to - from);
        int p = from;
        while (slash >= 0) {
            out.append(new String(b, p, slash - p, StandardCharsets.UTF_8));
            byte e = b[slash + 1];
            p = slash + 2;
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(new String(b, p, 4, StandardCharsets.US_ASCII), 16));
                    p += 4;
                }
                default -> out.append((char) e);
            }
            slash = indexOf(b, p, to);
        }
        return out.append(new String(b, p, to - p, StandardCharsets.UTF_8)).toString();
    }

    /** Whether the literal {@code b[start, end)} decodes to exactly {@code name}; no allocation when it has no escapes. */
    static boolean equalsText(byte[] b, int start, int end, byte[] nameUtf8, String name) {
        int from = start + 1;
        int to = end - 1;
        if (indexOf(b, from, to) < 0) {
            return java.util.Arrays.equals(b, from, to, nameUtf8, 0, nameUtf8.length);
        }
        return decode(b, start, end).equals(name);
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                return i;
            }
        }
        return -1;
    }
}
