package io.gptload.keypool;

import java.util.Objects;

/**
 * The answer of one key validation probe: valid when the upstream answered 2xx, otherwise the
 * reason as gpt-load words it ({@code [status 401] <upstream message>} or
 * {@code failed to send validation request: ...}), with the key itself masked.
 */
public record KeyCheck(boolean valid, String error) {

    public static final KeyCheck VALID = new KeyCheck(true, "");

    public KeyCheck {
        Objects.requireNonNull(error, "error");
        if (valid && !error.isEmpty()) {
            throw new IllegalArgumentException("a valid key carries no error");
        }
    }

    public static KeyCheck invalid(String error) {
        return new KeyCheck(false, Objects.requireNonNull(error, "error"));
    }
}
