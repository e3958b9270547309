package io.gptload.shared.db;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a libpq key/value connection string ({@code host=db user=app password='a b\'c'}): values are
 * bare words or single-quoted with backslash escapes. Later keywords override earlier ones.
 * Errors name a position, never the text.
 */
final class KeyValueReader {

    private final String text;
    private int pos;

    private KeyValueReader(String text) {
        this.text = text;
    }

    static Map<String, String> read(String text) {
        return new KeyValueReader(text).pairs();
    }

    private Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        skipSpaces();
        while (pos < text.length()) {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '=' && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String keyword = text.substring(start, pos);
            skipSpaces();
            if (keyword.isEmpty() || pos >= text.length() || text.charAt(pos) != '=') {
                throw error("expected keyword=value", start);
            }
            pos++;
            skipSpaces();
            pairs.put(keyword, value());
            skipSpaces();
        }
        return pairs;
    }

    private String value() {
        StringBuilder out = new StringBuilder();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            int start = pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated quoted value", start);
                }
                char c = text.charAt(pos++);
                if (c == '\'') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        throw error("unterminated quoted value", start);
                    }
                    c = text.charAt(pos++);
                }
                out.append(c);
            }
        }
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        return out.toString();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static IllegalArgumentException error(String problem, int position) {
        return new IllegalArgumentException("PostgreSQL key/value DSN: " + problem + " at position " + position);
    }
}
