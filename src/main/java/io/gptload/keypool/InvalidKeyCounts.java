package io.gptload.keypool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Invalid keys per group for monitoring: one grouped count over all groups, cached for
 * {@link #MAX_AGE_NANOS} and dropped early when keys are blacklisted or restored. Read by metric
 * scrapes, never by the proxy path. When the database cannot be read the last numbers stay.
 */
@ApplicationScoped
public class InvalidKeyCounts {

    static final long MAX_AGE_NANOS = 15_000_000_000L;
    private static final Logger LOG = Logger.getLogger(InvalidKeyCounts.class.getName());

    private record Snapshot(Map<Long, Long> counts, long takenAt) {
    }

    private Callable<Map<Long, Long>> source;
    private LongSupplier nanoClock;
    private volatile Snapshot snapshot;

    protected InvalidKeyCounts() {
        // for CDI proxies
    }

    @Inject
    public InvalidKeyCounts(KeyRepository repo) {
        this(Objects.requireNonNull(repo, "repo")::invalidCountsByGroup, System::nanoTime);
    }

    InvalidKeyCounts(Callable<Map<Long, Long>> source, LongSupplier nanoClock) {
        this.source = Objects.requireNonNull(source, "source");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Invalid keys of the group, at most {@link #MAX_AGE_NANOS} old. */
    public long of(long groupId) {
        return current().counts().getOrDefault(groupId, 0L);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        return s == null || nanoClock.getAsLong() - s.takenAt() >= MAX_AGE_NANOS ? refresh() : s;
    }

    private synchronized Snapshot refresh() {
        Snapshot s = snapshot;
        long now = nanoClock.getAsLong();
        if (s != null && now - s.takenAt() < MAX_AGE_NANOS) {
            return s;
        }
        try {
            s = new Snapshot(Map.copyOf(source.call()), now);
        } catch (Exception e) {
            LOG.warning("could not count invalid keys: " + e.getMessage());
            s = new Snapshot(s == null ? Map.of() : s.counts(), now);
        }
        snapshot = s;
        return s;
    }

    /** Invalid keys per group id, groups without any left out, at most {@link #MAX_AGE_NANOS} old. */
    public Map<Long, Long> all() {
        Map<Long, Long> out = new HashMap<>();
        current().counts().forEach((group, n) -> {
            if (n > 0) {
                out.put(group, n);
            }
        });
        return out;
    }

    /** The next read counts again. */
    public void invalidate() {
        snapshot = null;
    }

    void onKeyStatus(@Observes KeyStatusChanged event) {
        invalidate();
    }
}
