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
import java.util.function.LongSupplier;

/**
 * Why a key failed its last check: the time and the reason of the latest failed validation
 * (background re-validation, a manual validation, a key test), for the operator who wants to know
 * why a key is invalid without reading the server log. A passed check, a restore or a deletion
 * forgets it; it is never shown once it is {@link SharedKeyChecks#TTL_SECONDS} old. Kept in memory
 * (one entry per key whose last check failed) and, in cluster mode, in Redis, so that every node's
 * console shows what the node that ran the check saw. Proxied requests do not touch it: their
 * failures are in the request logs.
 */
@ApplicationScoped
public class KeyCheckHistory {

    /** The longest reason kept; upstream error bodies can be long. */
    static final int MAX_REASON = 500;

    /** A failed check: when (epoch milliseconds) and why (masked, as the check worded it). */
    public record FailedCheck(long atMillis, String reason) {
        public FailedCheck {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Map<Long, FailedCheck> local = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private SharedKeyChecks shared;

    public KeyCheckHistory() {
        this(System::currentTimeMillis);
    }

    KeyCheckHistory(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The cluster's shared copy (absent in unit tests and on one node it answers "not shared"). */
    @Inject
    void setShared(SharedKeyChecks shared) {
        this.shared = shared;
    }

    /** Records a check of the key: a failure replaces the previous one, a pass forgets it. */
    public void record(long keyId, KeyCheck check) {
        if (check.valid()) {
            forget(List.of(keyId));
            return;
        }
        FailedCheck failed = new FailedCheck(clock.getAsLong(), shorten(check.error()));
        local.put(keyId, failed);
        if (shared != null) {
            shared.put(keyId, encode(failed));
        }
    }

    /** Forgets the keys' failed checks (restored or deleted keys). */
    public void forget(Collection<Long> keyIds) {
        keyIds.forEach(local::remove);
        if (shared != null) {
            shared.remove(keyIds);
        }
    }

    /** The recent failed checks of these keys; keys without one are not in the map. */
    public Map<Long, FailedCheck> failedChecks(Collection<Long> keyIds) {
        Map<Long, FailedCheck> out = new HashMap<>();
        Optional<Map<Long, String>> fromCluster = shared == null ? Optional.empty() : shared.get(keyIds);
        long oldest = clock.getAsLong() - SharedKeyChecks.TTL_SECONDS * 1000;
        for (Long id : keyIds) {
            FailedCheck f = fromCluster.isPresent() ? decode(fromCluster.get().get(id)) : local.get(id);
            if (f != null && f.atMillis() >= oldest) {
                out.put(id, f);
            }
        }
        return out;
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

    static String shorten(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
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
