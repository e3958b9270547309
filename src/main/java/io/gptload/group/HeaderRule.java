package io.gptload.group;

import java.util.Locale;
import java.util.Objects;

/**
 * One header rule of a group: set {@code key} to {@code value} (which may hold variables such as
 * {@code ${CLIENT_IP}}) or remove it. Keys are canonical ({@code X-Foo-Bar}).
 */
public record HeaderRule(String key, String value, Action action) {

    /** What a rule does. */
    public enum Action {
        SET,
        REMOVE;

        /** {@code set} or {@code remove}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HeaderRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("header rule key must not be empty");
        }
    }
}
