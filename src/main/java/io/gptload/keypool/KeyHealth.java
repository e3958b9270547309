package io.gptload.keypool;

import io.gptload.cluster.SharedFailureCounts;
import io.gptload.shared.ErrorMessages;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one set of key-state rules (spec §2.6 with DECISIONS 1), for proxied attempts and for
 * validations alike. Failures are consecutive: a counted failure increments, a success resets;
 * reaching {@code blacklist_threshold} (0 = never) takes the key out of rotation at once (in
 * memory) and marks it invalid in the database. A successful validation of an invalid key restores
 * it (database, then back into the pool); a failed validation of an invalid key changes nothing.
 * On the proxy path database writes happen on a virtual thread and only when something changed,
 * so a healthy key's success costs no I/O; validations write synchronously. Every blacklist and
 * restore fires a {@link KeyStatusChanged} once written.
 *
 * <p>In cluster mode the count is the cluster's (Redis, {@link SharedFailureCounts}): a failure
 * on any node adds to it off the request's thread, the node whose addition reaches the threshold
 * blacklists the key for all, and the other nodes mirror the count through a notice, so that the
 * first success after failures, on whichever node, resets it everywhere.
 */
@ApplicationScoped
public class KeyHealth {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(KeyHealth.class.getName());

    private KeyNotices notices;

    /** Cluster notices of key changes (absent in unit tests). */
    @Inject
    void setNotices(KeyNotices notices) {
        this.notices = notices;
    }

    private SharedFailureCounts sharedCounts;

    /** The cluster's shared counts (absent in unit tests). */
    @Inject
    void setSharedCounts(SharedFailureCounts sharedCounts) {
        this.sharedCounts = sharedCounts;
    }

    private final Map<Long, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile SharedFailureWrites sharedWrites;
    private KeyPool pool;
    private KeyStateStore store;
    private UpstreamClients clients;
    private Event<KeyStatusChanged> changes;

    private volatile KeyStateWrites writes;

    /** Created on first use: the proxy's executor and store are only known after injection. */
    private KeyStateWrites writes() {
        KeyStateWrites w = writes;
        if (w == null) {
            synchronized (this) {
                if (writes == null) {
                    writes = new KeyStateWrites(store, clients.relay(), groupId -> KeyNotices.changed(notices, groupId));
                }
                w = writes;
            }
        }
        return w;
    }

    private boolean shared() {
        return sharedCounts != null && sharedCounts.enabled();
    }

    private SharedFailureWrites sharedWrites() {
        SharedFailureWrites w = sharedWrites;
        if (w == null) {
            synchronized (this) {
                if (sharedWrites == null) {
                    sharedWrites = new SharedFailureWrites(sharedCounts, clients.relay(), this::failuresOf,
                            this::clusterCount);
                }
                w = sharedWrites;
            }
        }
        return w;
    }

    protected KeyHealth() {
        // for CDI proxies
    }

    @Inject
    public KeyHealth(KeyPool pool, KeyStateStore store, UpstreamClients clients, Event<KeyStatusChanged> changes) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** What a validation did to a key. */
    public enum Change {
        /** Nothing to change: a valid active key without failures, or a failed check of an invalid key. */
        NONE,
        /** A valid active key whose failure count went back to zero. */
        RESET,
        /** A valid invalid key, active again and back in rotation. */
        RESTORED,
        /** A failed check of an active key, counted but below the threshold. */
        COUNTED,
        /** A failed check that reached the threshold: the key is now invalid. */
        BLACKLISTED
    }

    /** A counted failure of the key; returns true when it was blacklisted by this failure. */
    public boolean failure(PooledKey key, int threshold) {
        int n = count(key);
        if (shared()) {
            sharedWrites().failed(key, threshold); // blacklisted, if so, once the cluster's count is known
            return false;
        }
        boolean blacklist = blacklists(key, n, threshold);
        writes().submit(key.id(), new KeyStateWrites.Pending(n, blacklist, key.groupId()));
        if (blacklist) {
            blacklisted(key);
        }
        return blacklist;
    }

    /**
     * Applies a validation or key-test result (spec §2.6). Whether the key is active is read from
     * the pool. Valid: an active key's failures are reset (only when there were any), an invalid
     * key is restored. Invalid: an active key takes a counted failure, unless the message is one of
     * the uncounted ones (quota, context length); an invalid key is left alone. Writes are done
     * before this returns.
     */
    public Change validated(PooledKey key, KeyCheck result, int threshold) {
        boolean active = pool.contains(key.groupId(), key.id());
        if (result.valid()) {
            if (!active) {
                if (!store.restore(key.id())) {
                    return Change.NONE;
                }
                known(key.id(), 0);
                pool.add(key.groupId(), java.util.List.of(key));
                KeyNotices.changed(notices, key.groupId());
                restored(key.groupId(), 1);
                return Change.RESTORED;
            }
            AtomicInteger c = failures.get(key.id());
            if (c == null || c.getAndSet(0) == 0) {
                return Change.NONE;
            }
            store.resetFailures(key.id());
            if (shared()) {
                sharedCounts.reset(key.id());
                KeyNotices.failures(notices, key.id(), 0);
            }
            return Change.RESET;
        }
        if (!active || ErrorMessages.isUncounted(result.error())) {
            return Change.NONE;
        }
        int n = count(key);
        OptionalLong cluster = shared() ? sharedCounts.add(key.id(), 1) : OptionalLong.empty();
        if (cluster.isPresent()) {
            n = (int) Math.min(cluster.getAsLong(), Integer.MAX_VALUE);
            known(key.id(), n);
        }
        return storeCount(key, n, threshold, cluster.isPresent()) ? Change.BLACKLISTED : Change.COUNTED;
    }

    private int count(PooledKey key) {
        return failures.computeIfAbsent(key.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** True for exactly one caller: the one whose failure took the key out of rotation. */
    private boolean blacklists(PooledKey key, int n, int threshold) {
        return threshold > 0 && n >= threshold && pool.remove(key.groupId(), key.id());
    }

    /** Reported once the invalid status is written, so a count read on the event sees it. */
    private void blacklisted(PooledKey key) {
        changes.fire(new KeyStatusChanged(key.groupId(), KeyStatusChanged.Kind.BLACKLISTED, 1));
    }

    /** Reports {@code n} keys of the group restored (validation or a manual restore); none is a no-op. */
    public void restored(long groupId, long n) {
        if (n > 0) {
            changes.fire(new KeyStatusChanged(groupId, KeyStatusChanged.Kind.RESTORED, (int) Math.min(n, Integer.MAX_VALUE)));
        }
    }

    /** A successful answer with this key. */
    public void success(PooledKey key) {
        AtomicInteger c = failures.get(key.id());
        if (c != null && c.getAndSet(0) > 0) {
            if (shared()) {
                sharedWrites().succeeded(key, 0);
            } else {
                writes().submit(key.id(), new KeyStateWrites.Pending(0, false, key.groupId()));
            }
        }
    }

    /**
     * Cluster mode, on the key-state writer's thread: the key's count across the cluster is now
     * {@code count}. Stored; at the threshold the key is blacklisted for every node, below it the
     * other nodes learn the count.
     */
    private void clusterCount(PooledKey key, long count, int threshold) {
        int n = (int) Math.min(count, Integer.MAX_VALUE);
        known(key.id(), n);
        try {
            if (n == 0) {
                store.resetFailures(key.id());
                KeyNotices.failures(notices, key.id(), 0);
                return;
            }
            storeCount(key, n, threshold, true);
        } catch (RuntimeException e) {
            LOG.warning("key state not stored: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Stores a counted failure's new count {@code n}, blacklisting at the threshold; true when
     * blacklisted. With {@code cluster}, the shared count starts again from zero for a restore
     * after a blacklisting, and a count below the threshold is announced to the other nodes.
     */
    private boolean storeCount(PooledKey key, int n, int threshold, boolean cluster) {
        boolean blacklist = blacklists(key, n, threshold);
        store.saveFailures(key.id(), n, blacklist);
        if (blacklist) {
            if (cluster) {
                sharedCounts.reset(key.id());
            }
            KeyNotices.changed(notices, key.groupId()); // the other nodes take it out of rotation
            blacklisted(key);
        } else if (cluster) {
            KeyNotices.failures(notices, key.id(), n);
        }
        return blacklist;
    }

    /** Sets the known count, e.g. when keys are loaded or restored, or another node's count arrives. */
    public void known(long keyId, int failureCount) {
        if (failureCount == 0) {
            failures.remove(keyId);
        } else {
            failures.computeIfAbsent(keyId, id -> new AtomicInteger()).set(failureCount);
        }
    }

    public int failuresOf(long keyId) {
        AtomicInteger c = failures.get(keyId);
        return c == null ? 0 : c.get();
    }
}
