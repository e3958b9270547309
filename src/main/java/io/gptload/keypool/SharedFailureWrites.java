package io.gptload.keypool;

import io.gptload.cluster.SharedFailureCounts;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.LongUnaryOperator;

/**
 * Cluster mode: the proxy path's failures and resets of a key, sent to the shared count in Redis
 * off the request's thread and coalesced per key ({@link CoalescedWrites}: a storm of failures on one key costs one
 * {@code HINCRBY} per drain, not one per request); the count Redis answers, the cluster-wide one,
 * is handed to {@link Counted}, which stores it and blacklists when it reaches the threshold.
 * While Redis is away the node's own count stands in.
 */
final class SharedFailureWrites {

    /** What the cluster-wide count of a key now is. */
    @FunctionalInterface
    interface Counted {
        void count(PooledKey key, long count, int threshold);
    }

    /** What happened to one key since the last drain: possibly a reset, then {@code failures} more. */
    record Pending(PooledKey key, boolean reset, int failures, int threshold) {
        Pending then(Pending later) {
            return later.reset ? later : new Pending(later.key, reset, failures + later.failures, later.threshold);
        }
    }

    private final SharedFailureCounts counts;
    private final LongUnaryOperator localCount;
    private final Counted counted;
    private final CoalescedWrites<Pending> writes;

    SharedFailureWrites(SharedFailureCounts counts, Executor executor, LongUnaryOperator localCount, Counted counted) {
        this.counts = counts;
        this.localCount = localCount;
        this.counted = counted;
        this.writes = new CoalescedWrites<>(executor, Pending::then, (id, p) -> apply(p));
    }

    void failed(PooledKey key, int threshold) {
        writes.submit(key.id(), new Pending(key, false, 1, threshold));
    }

    void succeeded(PooledKey key, int threshold) {
        writes.submit(key.id(), new Pending(key, true, 0, threshold));
    }

    private void apply(Pending p) {
        long id = p.key().id();
        if (p.reset()) {
            counts.reset(id);
            if (p.failures() == 0) {
                counted.count(p.key(), 0, p.threshold());
                return;
            }
        }
        OptionalLong shared = counts.add(id, p.failures());
        counted.count(p.key(), shared.isPresent() ? shared.getAsLong() : localCount.applyAsLong(id), p.threshold());
    }
}
