package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.cluster.SharedKeyChecks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the console shows of a key's last failed check: kept, replaced, forgotten, aged out, shared through Redis. */
class KeyCheckHistoryTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final KeyCheckHistory history = new KeyCheckHistory(now::get);

    @Test
    void aFailedCheckIsKeptWithItsTimeAndReplacedByTheNextOne() {
        history.record(1, KeyCheck.invalid("[status 401] Incorrect API key provided"));
        now.addAndGet(60_000);
        history.record(2, KeyCheck.invalid("failed to send validation request: timed out after 20s"));
        history.record(1, KeyCheck.invalid("[status 429] You exceeded your current quota"));

        Map<Long, KeyCheckHistory.FailedCheck> got = history.failedChecks(List.of(1L, 2L, 3L));
        assertEquals(new KeyCheckHistory.FailedCheck(now.get(), "[status 429] You exceeded your current quota"), got.get(1L));
        assertEquals("failed to send validation request: timed out after 20s", got.get(2L).reason());
        assertFalse(got.containsKey(3L), "a key never checked has nothing to show");
    }

    @Test
    void aPassedCheckARestoreOrADeletionForgetsIt() {
        history.record(1, KeyCheck.invalid("[status 401] no"));
        history.record(2, KeyCheck.invalid("[status 401] no"));
        history.record(3, KeyCheck.invalid("[status 401] no"));
        history.record(1, KeyCheck.VALID);
        history.forget(List.of(2L));

        assertEquals(List.of(3L), List.copyOf(history.failedChecks(List.of(1L, 2L, 3L)).keySet()));
    }

    @Test
    void aCheckOlderThanSevenDaysIsNotShown() {
        history.record(1, KeyCheck.invalid("[status 401] no"));
        now.addAndGet(SharedKeyChecks.TTL_SECONDS * 1000);
        assertEquals(1, history.failedChecks(List.of(1L)).size(), "exactly seven days old: still shown");
        now.incrementAndGet();
        assertTrue(history.failedChecks(List.of(1L)).isEmpty());
    }

    @Test
    void aLongReasonIsCut() {
        history.record(1, KeyCheck.invalid("[status 400] " + "x".repeat(5000)));
        String reason = history.failedChecks(List.of(1L)).get(1L).reason();
        assertEquals(KeyCheckHistory.MAX_REASON, reason.length());
        assertTrue(reason.endsWith("…"));
    }

    @Test
    void theRedisFormRoundTripsAndAnythingElseIsIgnored() {
        KeyCheckHistory.FailedCheck f = new KeyCheckHistory.FailedCheck(123L, "[status 401] a reason with spaces");
        assertEquals(f, KeyCheckHistory.decode(KeyCheckHistory.encode(f)));
        assertNull(KeyCheckHistory.decode(null));
        assertNull(KeyCheckHistory.decode("garbage"));
        assertNull(KeyCheckHistory.decode("12x reason"));
        assertNull(KeyCheckHistory.decode(" reason"));
    }

    @Test
    void inClusterModeTheSharedCopyIsWhatEveryNodeReads() {
        Map<Long, String> redis = new java.util.concurrent.ConcurrentHashMap<>();
        KeyCheckHistory nodeA = new KeyCheckHistory(now::get);
        nodeA.setShared(new MapBackedChecks(redis));
        KeyCheckHistory nodeB = new KeyCheckHistory(now::get);
        nodeB.setShared(new MapBackedChecks(redis));

        nodeA.record(7, KeyCheck.invalid("[status 401] Incorrect API key provided"));
        assertEquals(Map.of(7L, new KeyCheckHistory.FailedCheck(now.get(), "[status 401] Incorrect API key provided")),
                nodeB.failedChecks(List.of(7L, 8L)));
        nodeB.forget(List.of(7L));
        assertTrue(nodeA.failedChecks(List.of(7L)).isEmpty(), "a restore on one node is seen on the other");
    }

    @Test
    void whileRedisIsAwayTheNodeShowsWhatItSawItself() {
        KeyCheckHistory node = new KeyCheckHistory(now::get);
        node.setShared(new SharedKeyChecks(null)); // answers "not shared", as when Redis is away
        node.record(7, KeyCheck.invalid("[status 401] no"));
        assertEquals("[status 401] no", node.failedChecks(List.of(7L)).get(7L).reason());
    }

    @Test
    void whatANodeChangedWhileRedisWasAwayReachesTheClusterWhenRedisIsBack() {
        Map<Long, String> redis = new java.util.concurrent.ConcurrentHashMap<>();
        MapBackedChecks toA = new MapBackedChecks(redis);
        KeyCheckHistory nodeA = new KeyCheckHistory(now::get);
        nodeA.setShared(toA);
        KeyCheckHistory nodeB = new KeyCheckHistory(now::get);
        nodeB.setShared(new MapBackedChecks(redis));
        nodeA.record(1, KeyCheck.invalid("[status 401] before the outage"));

        toA.down = true;
        nodeA.record(2, KeyCheck.invalid("[status 429] during the outage"));
        nodeA.forget(List.of(1L)); // key 1 restored while Redis is away
        assertEquals(Map.of(2L, new KeyCheckHistory.FailedCheck(now.get(), "[status 429] during the outage")),
                nodeA.failedChecks(List.of(1L, 2L)), "the node shows its own changes meanwhile");
        assertEquals(List.of(1L), List.copyOf(nodeB.failedChecks(List.of(1L, 2L)).keySet()), "the others still see Redis");

        toA.down = false;
        assertEquals(List.of(2L), List.copyOf(nodeA.failedChecks(List.of(1L, 2L)).keySet()));
        assertEquals(List.of(2L), List.copyOf(nodeB.failedChecks(List.of(1L, 2L)).keySet()),
                "the restore and the new failure reached Redis with the next read");
        nodeB.forget(List.of(2L));
        assertTrue(nodeA.failedChecks(List.of(1L, 2L)).isEmpty(), "once synced, Redis is what the node shows again");
    }

    @Test
    void entriesPastTheirAgeAreSweptAsNewOnesCome() {
        history.record(1, KeyCheck.invalid("[status 401] old"));
        now.addAndGet(SharedKeyChecks.TTL_SECONDS * 1000 + 1);
        for (int i = 0; i < KeyCheckHistory.SWEEP_EVERY - 1; i++) {
            history.record(1000 + i, KeyCheck.invalid("[status 401] new"));
        }
        assertEquals(KeyCheckHistory.SWEEP_EVERY - 1, history.held(), "the old entry was swept");
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String emoji = "\uD83D\uDE00";
        String text = "x".repeat(KeyCheckHistory.MAX_REASON - 2) + emoji + "tail";
        String cut = KeyCheckHistory.shorten(text);
        assertEquals("x".repeat(KeyCheckHistory.MAX_REASON - 2) + "…", cut);
        assertEquals("abc", KeyCheckHistory.cut("abc", 3));
    }

    /** Redis stood in for by a map, to test what the history does with a shared copy; {@code down} makes it refuse. */
    private static final class MapBackedChecks extends SharedKeyChecks {
        private final Map<Long, String> values;
        volatile boolean down;

        MapBackedChecks(Map<Long, String> values) {
            this.values = values;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public boolean put(long keyId, String value) {
            if (down) {
                return false;
            }
            values.put(keyId, value);
            return true;
        }

        @Override
        public boolean remove(java.util.Collection<Long> keyIds) {
            if (down) {
                return false;
            }
            keyIds.forEach(values::remove);
            return true;
        }

        @Override
        public Optional<Map<Long, String>> get(java.util.Collection<Long> keyIds) {
            if (down) {
                return Optional.empty();
            }
            Map<Long, String> out = new java.util.HashMap<>();
            keyIds.forEach(id -> {
                if (values.containsKey(id)) {
                    out.put(id, values.get(id));
                }
            });
            return Optional.of(out);
        }
    }
}
