package io.gptload.settings;

import io.gptload.cluster.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runtime system settings (spec §5.2): an in-memory {@link SystemSettings} for every reader,
 * seeded on first start, and validated updates that apply to the next request. An update is
 * published (in memory and by {@link SettingsChanged}) only after it has committed, and updates
 * are serialised, so memory never holds a value the database does not.
 */
@ApplicationScoped
public class SettingsService {

    private final ReentrantLock updating = new ReentrantLock();
    private SettingsStore store;
    private Event<SettingsChanged> changed;
    private volatile SystemSettings current = SystemSettings.defaults();
    private Broadcast broadcast;

    protected SettingsService() {
        // for CDI proxies
    }

    @Inject
    public SettingsService(SettingsStore store, Event<SettingsChanged> changed) {
        this.store = Objects.requireNonNull(store, "store");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    public SystemSettings current() {
        return current;
    }

    /** Inserts the rows that are missing (first start), then loads all. */
    public void seedAndLoad(String appUrl, String authKey) {
        store.seed(appUrl, authKey);
        current = SystemSettings.from(store.load());
    }

    /** Validates and stores a partial update (PUT /api/settings); returns the new settings. */
    public SystemSettings update(JsonObject body) {
        Map<String, String> changes = SettingsUpdate.validate(body);
        if (changes.isEmpty()) {
            return current;
        }
        SystemSettings now;
        updating.lock();
        try {
            store.save(changes);
            now = SystemSettings.from(store.load());
            current = now;
        } finally {
            updating.unlock();
        }
        changed.fire(new SettingsChanged(now));
        if (broadcast != null) {
            broadcast.publish(Broadcast.SETTINGS, "reload");
        }
        return now;
    }

    /** Another node changed the settings: reads them again and applies them here. */
    public void reload() {
        SystemSettings now;
        updating.lock();
        try {
            now = SystemSettings.from(store.load());
            current = now;
        } finally {
            updating.unlock();
        }
        changed.fire(new SettingsChanged(now));
    }

    /** The cluster notices (optional: without it, changes stay on this node). */
    @Inject
    void setBroadcast(Broadcast broadcast) {
        this.broadcast = broadcast;
    }
}
