package io.gptload.keypool;

import io.gptload.cluster.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells the other nodes of a cluster that a group's keys changed here (added, deleted,
 * blacklisted, restored), once the change is in the database; they reload that group's active
 * keys. Nothing is sent on one node. Here, the invalid-key counts are counted again at their next
 * read (the dashboard would otherwise list a group whose invalid keys were just deleted). Never
 * called for a successful proxied request.
 */
@ApplicationScoped
public class KeyNotices {

    private Broadcast broadcast;
    private InvalidKeyCounts invalidKeys;

    protected KeyNotices() {
        // for CDI proxies
    }

    @Inject
    public KeyNotices(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    /** The invalid-key counts to drop on a change (absent in unit tests). */
    @Inject
    void setInvalidKeys(InvalidKeyCounts invalidKeys) {
        this.invalidKeys = invalidKeys;
    }

    /** The keys of group {@code groupId} changed and the change has been written. */
    public void changed(long groupId) {
        if (invalidKeys != null) {
            invalidKeys.invalidate();
        }
        broadcast.publish(Broadcast.KEYS, Long.toString(groupId));
    }

    /** A key's failure count across the cluster is now {@code count} (below the blacklist threshold). */
    public void failures(long keyId, int count) {
        broadcast.publish(Broadcast.KEY_FAILURES, keyId + ":" + count);
    }

    /** Null-safe, as {@link #changed(KeyNotices, long)}. */
    static void failures(KeyNotices notices, long keyId, int count) {
        if (notices != null) {
            notices.failures(keyId, count);
        }
    }

    /** Null-safe: classes built without CDI (unit tests) have no notices. */
    static void changed(KeyNotices notices, long groupId) {
        if (notices != null) {
            notices.changed(groupId);
        }
    }
}
