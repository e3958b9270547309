package io.gptload.keypool;

import java.util.Objects;

/**
 * Fired (synchronously, after the change) when keys of a group leave or re-enter rotation:
 * {@code count} keys were blacklisted or restored. Carries no key value, only the group id.
 */
public record KeyStatusChanged(long groupId, Kind kind, int count) {

    /** Which way the keys went. */
    public enum Kind {
        /** Taken out of rotation after reaching the failure threshold. */
        BLACKLISTED,
        /** Back in rotation: a successful validation or a manual restore. */
        RESTORED
    }

    public KeyStatusChanged {
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
    }
}
