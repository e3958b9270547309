package io.gptload.keypool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns pasted or uploaded text into a list of distinct key values (gpt-load's import format):
 * a JSON array of strings is taken element by element; any other text is split on whitespace,
 * {@code ,} and {@code ;}. Values are trimmed, empty ones dropped, duplicates removed keeping
 * the first-seen order.
 */
public final class KeyTextParser {

    private KeyTextParser() {
    }

    /** Distinct keys in first-seen order; null or blank text gives an empty list. */
    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        String trimmed = text.strip();
        List<String> tokens = JsonStringArray.parse(trimmed).orElseGet(() -> split(trimmed));
        Set<String> keys = new LinkedHashSet<>();
        for (String token : tokens) {
            String key = token.strip();
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || isSeparator(text.charAt(i));
            if (separator && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Strict reader for exactly one JSON array whose elements are all strings. */
    private static final class JsonStringArray {

        private final String text;
        private int pos;

        private JsonStringArray(String text) {
            this.text = text;
        }

        static Optional<List<String>> parse(String text) {
            if (!text.startsWith("[") || !text.endsWith("]")) {
                return Optional.empty();
            }
            return Optional.ofNullable(new JsonStringArray(text).array());
        }

        private List<String> array() {
            List<String> values = new ArrayList<>();
            pos = 1;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return atEnd() ? values : null;
            }
            while (true) {
                skipWhitespace();
                String value = string();
                if (value == null) {
                    return null;
                }
                values.add(value);
                skipWhitespace();
                char c = peek();
                pos++;
                if (c == ']') {
                    return atEnd() ? values : null;
                }
                if (c != ',') {
                    return null;
                }
            }
        }

        private String string() {
            if (peek() != '"') {
                return null;
            }
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    out.append(c);
                } else if (!escape(out)) {
                    return null;
                }
            }
            return null;
        }

        private boolean escape(StringBuilder out) {
            if (pos >= text.length()) {
                return false;
            }
            char c = text.charAt(pos++);
            switch (c) {
                case '"', '\\', '/' -> out.append(c);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        return false;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos++), 16);
                        if (digit < 0) {
                            return false;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private boolean atEnd() {
            return pos == text.length();
        }
    }
}
