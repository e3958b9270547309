package io.gptload.keypool;

import java.util.concurrent.Executor;

/**
 * Key-state writes from the proxy path, coalesced ({@link CoalescedWrites}): the latest state per
 * key waits and one drainer at a time writes it. A storm of failures therefore costs at most one
 * pending write per key and one database connection, and a later state can never be overwritten
 * by an earlier one.
 * A blacklisting is never downgraded by a later, weaker state of the same key.
 */
final class KeyStateWrites {

    /** What to store for one key: a failure count, possibly with the blacklisting. */
    record Pending(int count, boolean blacklist, long groupId) {
        Pending(int count, boolean blacklist) {
            this(count, blacklist, 0);
        }

        Pending merge(Pending later) {
            return blacklist && !later.blacklist ? new Pending(Math.max(count, later.count), true, groupId) : later;
        }
    }

    private final KeyStateStore store;
    private final java.util.function.LongConsumer blacklistWritten;
    private final CoalescedWrites<Pending> writes;

    KeyStateWrites(KeyStateStore store, Executor executor, java.util.function.LongConsumer blacklistWritten) {
        this.store = store;
        this.blacklistWritten = blacklistWritten;
        this.writes = new CoalescedWrites<>(executor, Pending::merge, this::write);
    }

    void submit(long keyId, Pending state) {
        writes.submit(keyId, state);
    }

    int backlog() {
        return writes.backlog();
    }

    private void write(long keyId, Pending p) {
        if (p.count() == 0 && !p.blacklist()) {
            store.resetFailures(keyId);
        } else {
            store.saveFailures(keyId, p.count(), p.blacklist());
            if (p.blacklist()) {
                blacklistWritten.accept(p.groupId()); // other nodes take it out of rotation now
            }
        }
    }
}
