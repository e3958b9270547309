package io.gptload.it;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every credential the integration tests hand to a gateway (proxy keys, real upstream keys,
 * AUTH_KEY), so {@link LogHygieneIT} can prove that none of them reached a log line. Values
 * shorter than {@link #MIN_LENGTH} are ignored: they would match ordinary words.
 */
final class Secrets {

    static final int MIN_LENGTH = 8;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers one secret, or each of a comma-separated list (as {@code proxy_keys} is). */
    static String remember(String value) {
        if (value != null) {
            for (String part : value.split(",")) {
                String s = part.strip();
                if (s.length() >= MIN_LENGTH) {
                    KNOWN.add(s);
                }
            }
        }
        return value;
    }

    /** All secrets seen so far in this test JVM, AUTH_KEY included. */
    static Set<String> all() {
        Set<String> out = new TreeSet<>(KNOWN);
        out.add(Gateway.AUTH_KEY);
        return out;
    }

    /** The form a failure message may show: first 4 and last 4 characters. */
    static String masked(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****" + secret.substring(secret.length() - 4);
    }
}
