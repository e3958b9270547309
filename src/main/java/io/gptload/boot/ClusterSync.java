package io.gptload.boot;

import io.gptload.cluster.Broadcast;
import io.gptload.group.CatalogRefresher;
import io.gptload.keypool.InvalidKeyCounts;
import io.gptload.keypool.KeyHealth;
import io.gptload.keypool.KeyService;
import io.gptload.settings.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the other nodes' change notices here (cluster mode, DECISIONS 10): settings and groups
 * are read again from the database; a group's active keys are reloaded, coalesced so that a burst
 * of notices (an import in chunks) costs one reload per group every {@value #COALESCE_MS} ms.
 * After an outage of Redis everything is reloaded, since notices may have been missed.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN) // never a container transaction: the work commits its own
public class ClusterSync {

    static final long COALESCE_MS = 200;
    private static final Logger LOG = Logger.getLogger(ClusterSync.class.getName());

    private final Set<Long> dirtyGroups = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private ScheduledExecutorService reloader;

    @Resource
    private ManagedThreadFactory threads;
    @Inject
    private Broadcast broadcast;
    @Inject
    private SettingsService settings;
    @Inject
    private CatalogRefresher catalog;
    @Inject
    private KeyService keys;
    @Inject
    private KeyHealth health;
    @Inject
    private InvalidKeyCounts invalidKeys;

    @PostConstruct
    void start() {
        if (!broadcast.clustered()) {
            return;
        }
        reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r); // a container thread: the reload calls transactional services
            t.setName("cluster-key-reload");
            t.setDaemon(true);
            return t;
        });
        broadcast.subscribe(Broadcast.SETTINGS, payload -> settings.reload());
        broadcast.subscribe(Broadcast.GROUPS, payload -> catalog.reloadFromCluster());
        broadcast.subscribe(Broadcast.KEYS, this::keysChanged);
        broadcast.subscribe(Broadcast.KEY_FAILURES, this::failuresCounted);
        broadcast.onResync(this::reloadEverything);
        broadcast.start();
    }

    private void keysChanged(String payload) {
        long groupId;
        try {
            groupId = Long.parseLong(payload.strip());
        } catch (NumberFormatException e) {
            return;
        }
        dirtyGroups.add(groupId);
        invalidKeys.invalidate(); // another node deleted, blacklisted or restored keys
        if (drainScheduled.compareAndSet(false, true)) {
            reloader.schedule(this::reloadDirtyGroups, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Payload {@code keyId:count}: mirrored, so that a success on this node resets the cluster's count. */
    private void failuresCounted(String payload) {
        int colon = payload.indexOf(':');
        try {
            health.known(Long.parseLong(payload.substring(0, colon).strip()),
                    Integer.parseInt(payload.substring(colon + 1).strip()));
        } catch (RuntimeException malformed) {
            LOG.fine("ignored a malformed failure-count notice");
        }
    }

    private void reloadDirtyGroups() {
        drainScheduled.set(false);
        for (Long groupId : dirtyGroups) {
            dirtyGroups.remove(groupId);
            try {
                keys.refreshGroup(groupId);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "could not reload the keys of group {0} after a cluster notice: {1}",
                        new Object[]{groupId, e.getClass().getSimpleName()});
                dirtyGroups.add(groupId); // try again with the next notice or resync
            }
        }
    }

    private void reloadEverything() {
        settings.reload();
        catalog.reloadFromCluster();
        try {
            int n = keys.loadAll();
            LOG.info("cluster resync: " + n + " active keys reloaded");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cluster resync could not reload keys: {0}", "SQLState " + e.getSQLState());
        }
    }

    @PreDestroy
    void stop() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }
}
