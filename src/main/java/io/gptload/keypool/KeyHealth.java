package io.gptload.keypool;

import io.gptload.shared.ErrorMessages;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
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
 */
@ApplicationScoped
public class KeyHealth {

    private KeyNotices notices;

    /** Cluster notices of key changes (absent in unit tests). */
    @Inject
    void setNotices(KeyNotices notices) {
        this.notices = notices;
    }

    private final Map<Long, AtomicInteger> failures = new ConcurrentHashMap<>();
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
            return Change.RESET;
        }
        if (!active || ErrorMessages.isUncounted(result.error())) {
            return Change.NONE;
        }
        int n = count(key);
        boolean blacklist = blacklists(key, n, threshold);
        store.saveFailures(key.id(), n, blacklist);
        if (blacklist) {
            KeyNotices.changed(notices, key.groupId());
            blacklisted(key);
        }
        return blacklist ? Change.BLACKLISTED : Change.COUNTED;
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
            writes().submit(key.id(), new KeyStateWrites.Pending(0, false, key.groupId()));
        }
    }

    /** Sets the known count, e.g. when keys are loaded or restored. */
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
