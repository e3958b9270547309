package io.gptload.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The credential a caller presented, found as gpt-load looks for it (spec §1 row 20): query
 * {@code key} (removed from the query that is forwarded), then {@code Authorization: Bearer},
 * {@code X-Api-Key}, {@code X-Goog-Api-Key}.
 *
 * @param key           the presented key, "" when none
 * @param remainingQuery the raw query without any {@code key} parameter, "" when empty
 */
public record PresentedKey(String key, String remainingQuery) {

    @Override
    public String toString() {
        return "PresentedKey[key=****, query=" + remainingQuery + "]";
    }

    public boolean present() {
        return !key.isEmpty();
    }

    public static PresentedKey from(String rawQuery, Function<String, String> header) {
        String fromQuery = null;
        StringJoiner rest = new StringJoiner("&");
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.equals("key") || part.startsWith("key=")) {
                    if (fromQuery == null) {
                        fromQuery = part.length() > 4 ? URLDecoder.decode(part.substring(4), StandardCharsets.UTF_8) : "";
                    }
                } else if (!part.isEmpty()) {
                    rest.add(part);
                }
            }
        }
        String key = fromQuery;
        if (key == null || key.isEmpty()) {
            String auth = header.apply("Authorization");
            if (auth != null && auth.startsWith("Bearer ")) {
                key = auth.substring(7).strip();
            }
        }
        if (key == null || key.isEmpty()) {
            key = header.apply("X-Api-Key");
        }
        if (key == null || key.isEmpty()) {
            key = header.apply("X-Goog-Api-Key");
        }
        return new PresentedKey(key == null ? "" : key.strip(), rest.toString());
    }
}
