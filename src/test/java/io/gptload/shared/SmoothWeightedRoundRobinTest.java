package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.SmoothWeightedRoundRobin.Weighted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmoothWeightedRoundRobinTest {

    private static SmoothWeightedRoundRobin<String> wrr(Object... itemsAndWeights) {
        List<Weighted<String>> entries = new ArrayList<>();
        for (int i = 0; i < itemsAndWeights.length; i += 2) {
            entries.add(new Weighted<>((String) itemsAndWeights[i], (Integer) itemsAndWeights[i + 1]));
        }
        return new SmoothWeightedRoundRobin<>(entries);
    }

    private static List<String> picks(SmoothWeightedRoundRobin<String> wrr, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(wrr.next());
        }
        return out;
    }

    @Test
    void followsTheNginxSequenceForWeights511() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 5, "b", 1, "c", 1);
        List<String> cycle = List.of("a", "a", "b", "a", "c", "a", "a");
        assertEquals(cycle, picks(wrr, 7));
        assertEquals(cycle, picks(wrr, 7), "the sequence repeats every total-weight picks");
    }

    @Test
    void equalWeightsAlternateInOrder() {
        assertEquals(List.of("x", "y", "z", "x", "y", "z"), picks(wrr("x", 1, "y", 1, "z", 1), 6));
        assertEquals(List.of("x", "y", "x", "y"), picks(wrr("x", 3, "y", 3), 4));
    }

    @Test
    void distributionFollowsWeightsExactlyOverWholeCycles() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 7, "b", 2, "c", 1, "d", 0);
        Map<String, Integer> counts = new HashMap<>();
        for (String pick : picks(wrr, 10 * 1000)) {
            counts.merge(pick, 1, Integer::sum);
        }
        assertEquals(Map.of("a", 7000, "b", 2000, "c", 1000), counts);
    }

    @Test
    void everyWindowOfTotalWeightPicksHasEachItemWeightTimes() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 3, "b", 2, "c", 4);
        List<String> sequence = picks(wrr, 90);
        for (int start = 0; start + 9 <= sequence.size(); start++) {
            List<String> window = sequence.subList(start, start + 9);
            assertEquals(3, window.stream().filter("a"::equals).count());
            assertEquals(2, window.stream().filter("b"::equals).count());
            assertEquals(4, window.stream().filter("c"::equals).count());
        }
    }

    @Test
    void zeroWeightItemsAreNeverChosen() {
        SmoothWeightedRoundRobin<String> wrr = wrr("off", 0, "on", 1, "off2", 0);
        assertEquals(List.of("on"), wrr.items());
        assertTrue(picks(wrr, 50).stream().allMatch("on"::equals));
    }

    @Test
    void requiresAPositiveWeight() {
        assertThrows(IllegalArgumentException.class, () -> wrr("a", 0, "b", 0));
        assertThrows(IllegalArgumentException.class, () -> new SmoothWeightedRoundRobin<String>(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Weighted<>("a", -1));
        assertThrows(NullPointerException.class, () -> new Weighted<String>(null, 1));
        assertThrows(NullPointerException.class, () -> new SmoothWeightedRoundRobin<String>(null));
    }

    @Test
    void factoryReadsWeightsWithAFunction() {
        SmoothWeightedRoundRobin<String> wrr = SmoothWeightedRoundRobin.of(List.of("aaaaa", "b", "c"), String::length);
        assertEquals(List.of("aaaaa", "aaaaa", "b", "aaaaa", "c", "aaaaa", "aaaaa"), picks(wrr, 7));
    }

    @Test
    void acceptingPickReturnsFirstAcceptedInPickOrder() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 5, "b", 1, "c", 1);
        List<String> tested = new ArrayList<>();
        Optional<String> chosen = wrr.next(item -> {
            tested.add(item);
            return !item.equals("a");
        });
        // picks a (rejected), a (already tried, skipped), b (accepted)
        assertEquals(Optional.of("b"), chosen);
        assertEquals(List.of("a", "b"), tested);
    }

    @Test
    void acceptingPickTriesEveryCandidateOnceThenGivesUp() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 1000, "b", 1, "c", 0, "d", 3);
        List<String> tested = new ArrayList<>();
        Optional<String> chosen = wrr.next(item -> {
            tested.add(item);
            return false;
        });
        assertEquals(Optional.empty(), chosen);
        assertEquals(3, tested.size());
        assertEquals(Set.of("a", "b", "d"), Set.copyOf(tested));
    }

    @Test
    void acceptingPickWithSingleCandidate() {
        SmoothWeightedRoundRobin<String> wrr = wrr("only", 1);
        assertEquals(Optional.of("only"), wrr.next(item -> true));
        assertEquals(Optional.empty(), wrr.next(item -> false));
    }

    @Test
    void acceptingPickFindsTheOnlyAvailableItemDespiteHeavyWeights() {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 1000, "b", 1000, "c", 1);
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.of("c"), wrr.next("c"::equals));
        }
    }

    @Test
    void concurrentPicksKeepExactTotals() throws Exception {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 5, "b", 3, "c", 2);
        int threads = 8;
        int perThread = 10 * 1000; // 80 000 picks = 8 000 whole cycles of 10
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        counts.computeIfAbsent(wrr.next(), k -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40_000, counts.get("a").get());
        assertEquals(24_000, counts.get("b").get());
        assertEquals(16_000, counts.get("c").get());
        // 80 000 is a whole number of cycles, so the state is back at its start
        assertEquals(picks(wrr("a", 5, "b", 3, "c", 2), 10), picks(wrr, 10));
    }

    @Test
    void concurrentAcceptingPicksAlwaysFindTheAvailableItem() throws Exception {
        SmoothWeightedRoundRobin<String> wrr = wrr("a", 10, "b", 10, "c", 1, "d", 5);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                results.add(pool.submit(() -> wrr.next("c"::equals)));
            }
            for (Future<Optional<String>> result : results) {
                assertEquals(Optional.of("c"), result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
