package io.gptload.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Smooth weighted round-robin (the nginx algorithm): over any run of total-weight picks each item
 * is chosen exactly weight times, spread out evenly (weights 5,1,1 give a a b a c a a).
 * Zero-weight items are never chosen. Thread-safe; a pick holds a lock for a few additions.
 *
 * @param <T> the item type
 */
public final class SmoothWeightedRoundRobin<T> {

    /** One candidate and its weight (≥ 0; 0 = disabled). */
    public record Weighted<T>(T item, int weight) {
        public Weighted {
            Objects.requireNonNull(item, "item must not be null");
            if (weight < 0) {
                throw new IllegalArgumentException("weight must be >= 0, was " + weight);
            }
        }
    }

    private final List<T> items;
    private final int[] weights;
    private final long[] current;
    private final long totalWeight;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @throws IllegalArgumentException when no entry has a positive weight
     */
    public SmoothWeightedRoundRobin(List<Weighted<T>> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        List<Weighted<T>> active = entries.stream()
                .map(e -> Objects.requireNonNull(e, "entry must not be null"))
                .filter(e -> e.weight() > 0)
                .toList();
        if (active.isEmpty()) {
            throw new IllegalArgumentException("at least one item must have a positive weight");
        }
        this.items = active.stream().map(Weighted::item).toList();
        this.weights = active.stream().mapToInt(Weighted::weight).toArray();
        this.current = new long[weights.length];
        this.totalWeight = active.stream().mapToLong(Weighted::weight).sum();
    }

    /** Convenience factory reading each item's weight with a function. */
    public static <T> SmoothWeightedRoundRobin<T> of(List<T> items, ToIntFunction<? super T> weight) {
        Objects.requireNonNull(weight, "weight function must not be null");
        return new SmoothWeightedRoundRobin<>(
                items.stream().map(item -> new Weighted<T>(item, weight.applyAsInt(item))).toList());
    }

    /** The next item. */
    public T next() {
        return items.get(nextIndex());
    }

    private int nextIndex() {
        if (weights.length == 1) {
            return 0;
        }
        lock.lock();
        try {
            int best = 0;
            for (int i = 0; i < weights.length; i++) {
                current[i] += weights[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= totalWeight;
            return best;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first item, in pick order, that {@code accept} accepts; each candidate is tested at most
     * once, and empty once every candidate was rejected. The predicate runs outside the lock.
     */
    public Optional<T> next(Predicate<? super T> accept) {
        Objects.requireNonNull(accept, "predicate must not be null");
        boolean[] tried = new boolean[items.size()];
        int triedCount = 0;
        long budget = 2 * totalWeight + items.size();
        for (long pick = 0; pick < budget && triedCount < tried.length; pick++) {
            int index = nextIndex();
            if (!tried[index]) {
                tried[index] = true;
                triedCount++;
                if (accept.test(items.get(index))) {
                    return Optional.of(items.get(index));
                }
            }
        }
        // Concurrent pickers interleave with ours, so a few may be unseen yet: test them in order.
        for (int i = 0; i < tried.length; i++) {
            if (!tried[i] && accept.test(items.get(i))) {
                return Optional.of(items.get(i));
            }
        }
        return Optional.empty();
    }

    /** The items that can be chosen (positive weight), in the given order. */
    public List<T> items() {
        return items;
    }
}
