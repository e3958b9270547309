package io.gptload.keypool;

import io.gptload.cluster.SharedFailureCounts;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongUnaryOperator;

/**
 * Cluster mode: the proxy path's failures and resets of a key, sent to the shared count in Redis
 * off the request's thread and coalesced per key (a storm of failures on one key costs one
 * {@code HINCRBY} per drain, not one per request). The count Redis answers, the cluster-wide one,
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

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final SharedFailureCounts counts;
    private final Executor executor;
    private final LongUnaryOperator localCount;
    private final Counted counted;

    SharedFailureWrites(SharedFailureCounts counts, Executor executor, LongUnaryOperator localCount, Counted counted) {
        this.counts = counts;
        this.executor = executor;
        this.localCount = localCount;
        this.counted = counted;
    }

    void failed(PooledKey key, int threshold) {
        submit(new Pending(key, false, 1, threshold));
    }

    void succeeded(PooledKey key, int threshold) {
        submit(new Pending(key, true, 0, threshold));
    }

    private void submit(Pending p) {
        pending.merge(p.key().id(), p, Pending::then);
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (!pending.isEmpty()) {
                for (Long keyId : pending.keySet()) {
                    Pending p = pending.remove(keyId);
                    if (p != null) {
                        apply(p);
                    }
                }
            }
        } finally {
            draining.set(false);
            if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
                try {
                    executor.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    draining.set(false);
                }
            }
        }
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
