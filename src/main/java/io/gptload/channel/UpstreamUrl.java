package io.gptload.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds upstream URLs from a base, the client's raw path and raw query. The client's text is kept
 * as sent; only characters that cannot appear in a URI (spaces, brackets, non-ASCII, stray
 * {@code %}) are percent-encoded, so a sloppy client cannot make URL building fail.
 */
final class UpstreamUrl {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UpstreamUrl() {
    }

    /** {@code base} without trailing slashes + {@code path} + ({@code "?" + rawQuery} when not empty). */
    static URI of(String base, String path, String rawQuery) {
        String trimmed = base.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        StringBuilder url = new StringBuilder(end + path.length() + rawQuery.length() + 1).append(trimmed, 0, end);
        appendSafe(url, path, false);
        if (!rawQuery.isEmpty()) {
            appendSafe(url.append('?'), rawQuery, true);
        }
        try {
            return URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid upstream base URL", e);
        }
    }

    /** {@code base} + a configured endpoint that may carry its own query ({@code /v1/chat/completions?x=1}). */
    static URI ofEndpoint(String base, String endpoint) {
        String path = endpoint.startsWith("/") ? endpoint : "/" + endpoint;
        int q = path.indexOf('?');
        return q < 0 ? of(base, path, "") : of(base, path.substring(0, q), path.substring(q + 1));
    }

    /** {@code rawQuery} with {@code name=value} appended (value form-encoded). */
    static String withParam(String rawQuery, String name, String value) {
        String param = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return rawQuery.isEmpty() ? param : rawQuery + "&" + param;
    }

    /** The first value of {@code name} in a raw query, decoded; null when absent. */
    static String firstParam(String rawQuery, String name) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static void appendSafe(StringBuilder out, String text, boolean query) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.append(c);
            } else if (c < 0x80 && c != '%' && allowed(c, query)) {
                out.append(c);
            } else {
                int cp = text.codePointAt(i);
                if (Character.charCount(cp) == 2) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
    }

    private static boolean allowed(char c, boolean query) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
