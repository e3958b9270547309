package io.gptload.keypool;

import io.gptload.shared.Secret;
import java.util.Objects;

/** One line of a key test: the key as the user typed it, valid or not, and why not ("" when valid). */
public record KeyTestResult(Secret key, boolean valid, String error) {

    /** gpt-load's text for a key that is not (or no longer) in the group. */
    public static final String NOT_IN_GROUP = "Key does not exist in this group or has been removed.";

    public KeyTestResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(error, "error");
    }
}
