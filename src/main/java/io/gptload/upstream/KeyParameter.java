package io.gptload.upstream;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code key} query parameter, where Gemini-format upstreams take the real key: a redirect
 * to another host must not carry the value the original request had.
 */
final class KeyParameter {

    private static final String NAME = "key";

    private KeyParameter() {
    }

    /** {@code target} without the {@code key} parameters whose value is one of {@code origin}'s. */
    static URI withoutValuesOf(URI target, URI origin) {
        Set<String> secrets = values(origin.getRawQuery());
        String query = target.getRawQuery();
        if (secrets.isEmpty() || query == null) {
            return target;
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(p -> !(NAME.equals(decode(name(p))) && secrets.contains(decode(value(p)))))
                .collect(Collectors.joining("&"));
        String base = target.getScheme() + "://" + target.getRawAuthority()
                + (target.getRawPath() == null ? "" : target.getRawPath());
        return URI.create(kept.isEmpty() ? base : base + "?" + kept);
    }

    private static Set<String> values(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(rawQuery.split("&")).filter(p -> NAME.equals(decode(name(p))))
                .map(p -> decode(value(p))).filter(v -> !v.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    private static String value(String pair) {
        int eq = pair.indexOf('=');
        return eq < 0 ? "" : pair.substring(eq + 1);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
