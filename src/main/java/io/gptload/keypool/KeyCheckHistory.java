package io.gptload.keypool;

import io.gptload.cluster.SharedKeyChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Why a key failed its last check: the time and the reason of the latest failed validation
 * (background re-validation, a manual validation, a key test), for the operator who wants to know
 * why a key is invalid without reading the server log. A passed check, a restore or a deletion
 * forgets it; it is never shown once it is {@link SharedKeyChecks#TTL_SECONDS} old. Proxied
 * requests do not touch it: their failures are in the request logs.
 *
 * <p>On one node it lives in memory (one entry per key whose last check failed; entries past
 * their age are swept as new ones come). In cluster mode Redis holds the cluster's copy, so every
 * node's console shows what the node that ran the check saw; a change that Redis could not take
 * (it was away) stays here, marked unsynced, is what this node shows for that key, and is written
 * to Redis by the next read that finds Redis back.
 */
@ApplicationScoped
public class KeyCheckHistory {

    /** The longest reason kept; upstream error bodies can be long. */
    static final int MAX_REASON = 500;
    /** Records between two sweeps of entries past their age. */
    static final int SWEEP_EVERY = 1000;

    /** A failed check: when (epoch milliseconds) and why (masked, as the check worded it). */
    public record FailedCheck(long atMillis, String reason) {
        public FailedCheck {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** This node's copy of a key's state: its failed check, or none (forgotten); unsynced when Redis has not taken it. */
    private record Entry(FailedCheck check, long atMillis, boolean unsynced) {
    }

    private final Map<Long, Entry> local = new ConcurrentHashMap<>();
    private final AtomicInteger sinceSweep = new AtomicInteger();
    private final LongSupplier clock;
    private SharedKeyChecks shared;

    public KeyCheckHistory() {
        this(System::currentTimeMillis);
    }

    KeyCheckHistory(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cluster's shared copy (absent in unit tests; on one node it answers "not shared"). */
    @Inject
    void setShared(SharedKeyChecks shared) {
        this.shared = shared;
    }

    private boolean clustered() {
        return shared != null && shared.enabled();
    }

    /** Records a check of the key: a failure replaces the previous one, a pass forgets it. */
    public void record(long keyId, KeyCheck check) {
        if (check.valid()) {
            forget(List.of(keyId));
            return;
        }
        FailedCheck failed = new FailedCheck(clock.getAsLong(), shorten(check.error()));
        boolean unsynced = clustered() && !shared.put(keyId, encode(failed));
        local.put(keyId, new Entry(failed, failed.atMillis(), unsynced));
        if (sinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            sinceSweep.set(0);
            sweep();
        }
    }

    /** Forgets the keys' failed checks (restored or deleted keys). */
    public void forget(Collection<Long> keyIds) {
        if (keyIds.isEmpty()) {
            return;
        }
        if (!clustered() || shared.remove(keyIds)) {
            keyIds.forEach(local::remove);
        } else {
            Entry forgotten = new Entry(null, clock.getAsLong(), true);
            keyIds.forEach(id -> local.put(id, forgotten));
        }
    }

    /** The recent failed checks of these keys; keys without one are not in the map. */
    public Map<Long, FailedCheck> failedChecks(Collection<Long> keyIds) {
        Optional<Map<Long, String>> fromCluster = Optional.empty();
        if (clustered()) {
            syncUnsynced(keyIds);
            fromCluster = shared.get(keyIds);
        }
        Map<Long, FailedCheck> out = new HashMap<>();
        long oldest = clock.getAsLong() - SharedKeyChecks.TTL_SECONDS * 1000;
        for (Long id : keyIds) {
            Entry mine = local.get(id);
            FailedCheck f;
            if (fromCluster.isEmpty() || (mine != null && mine.unsynced())) {
                f = mine == null ? null : mine.check();
            } else {
                f = decode(fromCluster.get().get(id));
            }
            if (f != null && f.atMillis() >= oldest) {
                out.put(id, f);
            }
        }
        return out;
    }

    /** Writes this node's unsynced changes of these keys to Redis, each as far as Redis takes it. */
    private void syncUnsynced(Collection<Long> keyIds) {
        for (Long id : keyIds) {
            Entry e = local.get(id);
            if (e == null || !e.unsynced()) {
                continue;
            }
            if (e.check() == null) {
                if (shared.remove(List.of(id))) {
                    local.remove(id, e);
                }
            } else if (shared.put(id, encode(e.check()))) {
                local.replace(id, e, new Entry(e.check(), e.atMillis(), false));
            }
        }
    }

    /** Drops entries past their age (a key not checked for a week, deleted keys, old forgettings). */
    void sweep() {
        long oldest = clock.getAsLong() - SharedKeyChecks.TTL_SECONDS * 1000;
        local.entrySet().removeIf(e -> e.getValue().atMillis() < oldest);
    }

    /** Entries held in memory (for tests). */
    int held() {
        return local.size();
    }

    /** Null-safe: classes built without CDI (unit tests) keep no history. */
    static void record(KeyCheckHistory history, long keyId, KeyCheck check) {
        if (history != null) {
            history.record(keyId, check);
        }
    }

    /** Null-safe, as {@link #record(KeyCheckHistory, long, KeyCheck)}. */
    static void forget(KeyCheckHistory history, Collection<Long> keyIds) {
        if (history != null && !keyIds.isEmpty()) {
            history.forget(keyIds);
        }
    }

    /** The reason cut to {@value #MAX_REASON} characters, never inside a surrogate pair. */
    static String shorten(String reason) {
        return cut(reason, MAX_REASON);
    }

    /** {@code text} cut to at most {@code max} characters with an ellipsis, never inside a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** {@code <epoch millis> <reason>}: the form kept in Redis. */
    static String encode(FailedCheck f) {
        return f.atMillis() + " " + f.reason();
    }

    /** The check encoded by {@link #encode}; null for null or anything else. */
    static FailedCheck decode(String value) {
        if (value == null) {
            return null;
        }
        int space = value.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        try {
            return new FailedCheck(Long.parseLong(value.substring(0, space)), value.substring(space + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
