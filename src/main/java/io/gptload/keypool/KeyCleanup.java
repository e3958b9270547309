package io.gptload.keypool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Whole-group key maintenance (spec §1 row 26): restore all invalid keys, clear all invalid
 * keys, clear all keys. Works through {@link KeyBatches} so any group size succeeds, and keeps
 * the pool and the failure counts in step with every batch.
 */
@ApplicationScoped
public class KeyCleanup {

    private KeyNotices notices;
    private KeyCheckHistory history;

    /** Failed checks shown in the console, forgotten with their keys (absent in unit tests). */
    @Inject
    void setHistory(KeyCheckHistory history) {
        this.history = history;
    }

    /** Cluster notices of key changes (absent in unit tests). */
    @Inject
    void setNotices(KeyNotices notices) {
        this.notices = notices;
    }

    private KeyBatches batches;
    private KeyPool pool;
    private KeyHealth health;
    private KeyService keys;

    protected KeyCleanup() {
        // for CDI proxies
    }

    @Inject
    public KeyCleanup(KeyBatches batches, KeyPool pool, KeyHealth health, KeyService keys) {
        this.batches = Objects.requireNonNull(batches, "batches");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.health = Objects.requireNonNull(health, "health");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Invalid keys of the group back to active with no failures, then into rotation; how many. */
    public long restoreAllInvalid(long groupId) throws SQLException {
        long n = 0;
        long[] all = batches.ids(groupId, StoredKey.INVALID);
        for (int i = 0; i < all.length; i += KeyBatches.BATCH) {
            List<Long> ids = KeyBatches.slice(all, i);
            n += batches.restore(ids);
            ids.forEach(id -> health.known(id, 0));
            KeyCheckHistory.forget(history, ids);
        }
        if (n > 0) {
            keys.refreshGroup(groupId);
            KeyNotices.changed(notices, groupId);
            health.restored(groupId, n);
        }
        return n;
    }

    /** Deletes the group's invalid keys; how many. */
    public long clearAllInvalid(long groupId) throws SQLException {
        return deleteAll(groupId, StoredKey.INVALID);
    }

    /** Deletes every key of the group and empties its rotation; how many. */
    public long clearAll(long groupId) throws SQLException {
        return deleteAll(groupId, null);
    }

    private long deleteAll(long groupId, String status) throws SQLException {
        long n = 0;
        long[] all = batches.ids(groupId, status);
        for (int i = 0; i < all.length; i += KeyBatches.BATCH) {
            List<Long> ids = KeyBatches.slice(all, i);
            n += batches.delete(ids, status);
            if (status == null) {
                // invalid keys are not in rotation; a key restored meanwhile was not deleted and must stay in it
                pool.removeAll(groupId, ids);
            }
            ids.forEach(id -> health.known(id, 0));
            KeyCheckHistory.forget(history, ids);
        }
        if (n > 0) {
            KeyNotices.changed(notices, groupId);
        }
        return n;
    }
}
