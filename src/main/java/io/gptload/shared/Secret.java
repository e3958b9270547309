package io.gptload.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (upstream key, proxy key, AUTH_KEY) that never shows itself in {@link #toString()}.
 * Equality is by value; {@link #matches(String)} compares in constant time.
 *
 * @param value the secret itself; only read it where the real value is needed
 */
public record Secret(String value) {

    private static final String STARS = "****";
    private static final int VISIBLE = 4;

    public Secret {
        Objects.requireNonNull(value, "secret value must not be null");
    }

    /**
     * Masks a secret for display: the first 4 and last 4 characters around {@code ****}
     * (e.g. {@code abcd****wxyz}). Values of 8 characters or fewer (and null) become {@code ****},
     * so a short secret is never revealed. Characters are counted as code points.
     */
    public static String mask(String value) {
        if (value == null) {
            return STARS;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= 2 * VISIBLE) {
            return STARS;
        }
        int headEnd = value.offsetByCodePoints(0, VISIBLE);
        int tailStart = value.offsetByCodePoints(value.length(), -VISIBLE);
        return value.substring(0, headEnd) + STARS + value.substring(tailStart);
    }

    /** Constant-time comparison (for equal lengths) of the UTF-8 bytes; null never matches. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return mask(value);
    }
}
