package io.gptload.keypool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Key-state writes from the proxy path, coalesced: the latest state per key waits in a map and one
 * drainer at a time writes it. A storm of failures therefore costs at most one pending write per
 * key and one database connection, and a later state can never be overwritten by an earlier one.
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

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final KeyStateStore store;
    private final Executor executor;

    private final java.util.function.LongConsumer blacklistWritten;

    KeyStateWrites(KeyStateStore store, Executor executor, java.util.function.LongConsumer blacklistWritten) {
        this.store = store;
        this.executor = executor;
        this.blacklistWritten = blacklistWritten;
    }

    void submit(long keyId, Pending state) {
        pending.merge(keyId, state, Pending::merge);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    int backlog() {
        return pending.size();
    }

    private void drain() {
        try {
            while (!pending.isEmpty()) {
                for (Long keyId : pending.keySet()) {
                    Pending p = pending.remove(keyId);
                    if (p == null) {
                        continue;
                    }
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
        } finally {
            draining.set(false);
            if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    draining.set(false);
                }
            }
        }
    }
}
