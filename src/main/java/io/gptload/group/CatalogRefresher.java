package io.gptload.group;

import io.gptload.cluster.Broadcast;
import io.gptload.settings.SettingsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Rebuilds the {@link GroupCatalog} once a group change has committed (immediately when no
 * transaction is active), and whenever the system settings change.
 */
@ApplicationScoped
public class CatalogRefresher {

    /** Serialises read-and-publish, so an older snapshot can never be published after a newer one. */
    private final java.util.concurrent.locks.ReentrantLock rebuilding = new java.util.concurrent.locks.ReentrantLock();
    private GroupService groups;
    private Broadcast broadcast;

    protected CatalogRefresher() {
        // for CDI proxies
    }

    @Inject
    public CatalogRefresher(GroupService groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    void onGroupsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) GroupsChanged event) {
        refresh();
        if (broadcast != null) {
            broadcast.publish(Broadcast.GROUPS, "reload");
        }
    }

    /** Another node changed groups: rebuilds the catalog from the database. */
    public void reloadFromCluster() {
        refresh();
    }

    /** The cluster notices (optional: without it, changes stay on this node). */
    @Inject
    void setBroadcast(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    /**
     * Synchronous: the settings are already in memory when the event fires, and the start-up
     * event must rebuild the catalog before the gateway takes traffic (the refresh runs in its own
     * transaction).
     */
    void onSettingsChanged(@Observes SettingsChanged event) {
        refresh();
    }

    private void refresh() {
        rebuilding.lock();
        try {
            groups.refreshCatalog();
        } finally {
            rebuilding.unlock();
        }
    }
}
