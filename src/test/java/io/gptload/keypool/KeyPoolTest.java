package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

    private static PooledKey key(long id) {
        return new PooledKey(id, 1, new Secret("sk-" + id), "h" + id, "sk-" + id);
    }

    @Test
    void removesManyKeysInOneSwapAndKeepsTheRest() {
        KeyPool pool = new KeyPool();
        pool.replace(1, List.of(key(1), key(2), key(3), key(4)));
        pool.removeAll(1, List.of(2L, 4L, 99L));
        assertEquals(2, pool.activeCount(1));
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(pool.next(1).orElseThrow().id());
        }
        assertEquals(List.of(1L, 1L, 3L, 3L), seen.stream().sorted().toList(), "the two left alternate");
        assertTrue(seen.containsAll(List.of(1L, 3L)) && !seen.contains(2L) && !seen.contains(4L), seen.toString());
        pool.removeAll(7, List.of(1L));
        assertEquals(0, pool.activeCount(7), "an unknown group stays unknown");
        pool.removeAll(1, List.of());
        assertEquals(2, pool.activeCount(1));
    }

    @Test
    void addingChunksToALargeRingStaysLinear() {
        KeyPool pool = new KeyPool();
        for (int chunk = 0; chunk < 200; chunk++) {
            int base = chunk * 500;
            pool.add(1, IntStream.range(base, base + 500).mapToObj(i -> key(i)).toList());
        }
        assertEquals(100_000, pool.activeCount(1));
        pool.add(1, List.of(key(5), key(100_000)));
        assertEquals(100_001, pool.activeCount(1), "ids already in the ring are not added twice");
        pool.removeAll(1, IntStream.range(0, 50_000).mapToObj(i -> (long) i).toList());
        assertEquals(50_001, pool.activeCount(1));
    }

    @Test
    void rotatesStrictlyAndSkipsRemovedKeys() {
        KeyPool pool = new KeyPool();
        pool.replace(1, List.of(key(1), key(2), key(3)));
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seen.add(pool.next(1).orElseThrow().id());
        }
        assertEquals(List.of(1L, 2L, 3L, 1L, 2L, 3L), seen);
        assertTrue(pool.remove(1, 2));
        assertFalse(pool.remove(1, 2));
        for (int i = 0; i < 10; i++) {
            assertTrue(pool.next(1).orElseThrow().id() != 2);
        }
        pool.add(1, List.of(key(4), key(1)));
        assertEquals(3, pool.activeCount(1), "adding a key that is already there keeps one copy");
    }

    @Test
    void emptyAndUnknownGroupsHaveNoKey() {
        KeyPool pool = new KeyPool();
        assertTrue(pool.next(9).isEmpty());
        pool.replace(9, List.of());
        assertTrue(pool.next(9).isEmpty());
        assertFalse(pool.hasActive(9));
        pool.add(9, List.of(key(5)));
        assertEquals(5, pool.next(9).orElseThrow().id());
        pool.dropGroup(9);
        assertTrue(pool.next(9).isEmpty());
    }

    @Test
    void concurrentPicksAreEvenlySpread() throws Exception {
        KeyPool pool = new KeyPool();
        pool.replace(1, IntStream.rangeClosed(1, 4).mapToObj(KeyPoolTest::key).toList());
        Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.startVirtualThread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counts.computeIfAbsent(pool.next(1).orElseThrow().id(), k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        counts.values().forEach(c -> assertEquals(20_000, c.get()));
    }

    @Test
    void pooledKeyNeverPrintsItsValue() {
        assertFalse(new PooledKey(1, 1, new Secret("sk-very-secret-value"), "h", "s").toString().contains("very-secret"));
    }
}
