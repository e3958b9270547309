package io.gptload.keypool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;

/**
 * Per-key writes from the proxy path, coalesced: the latest value per key waits in a map (merged
 * with what is already waiting) and one drainer at a time, on {@code executor}, hands each to
 * {@code write}. A storm of updates therefore costs at most one pending write per key.
 */
final class CoalescedWrites<V> {

    private final Map<Long, V> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor executor;
    private final BinaryOperator<V> merge;
    private final BiConsumer<Long, V> write;

    CoalescedWrites(Executor executor, BinaryOperator<V> merge, BiConsumer<Long, V> write) {
        this.executor = executor;
        this.merge = merge;
        this.write = write;
    }

    void submit(long key, V value) {
        pending.merge(key, value, merge);
        schedule();
    }

    int backlog() {
        return pending.size();
    }

    private void schedule() {
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                draining.set(false);
            }
        }
    }

    /**
     * Writes until nothing is pending. A value that arrives while the flag is being cleared is
     * taken by this same drainer (re-checked after clearing), not handed to the executor again,
     * which may be shutting down by then and would drop it.
     */
    private void drain() {
        do {
            try {
                while (!pending.isEmpty()) {
                    for (Long key : pending.keySet()) {
                        V value = pending.remove(key);
                        if (value != null) {
                            write.accept(key, value);
                        }
                    }
                }
            } finally {
                draining.set(false);
            }
        } while (!pending.isEmpty() && draining.compareAndSet(false, true));
    }
}
