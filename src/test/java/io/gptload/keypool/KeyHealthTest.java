package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.Secret;
import io.gptload.upstream.UpstreamClients;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyHealthTest {

    /** Records the writes instead of doing them. */
    static final class RecordingStore extends KeyStateStore {
        final List<String> writes = new CopyOnWriteArrayList<>();

        @Override
        public void saveFailures(long keyId, int count, boolean blacklist) {
            writes.add(keyId + ":" + count + (blacklist ? ":invalid" : ""));
        }

        @Override
        public void resetFailures(long keyId) {
            writes.add(keyId + ":reset");
        }

        /** Ids whose row is gone (deleted meanwhile): restore finds nothing. */
        final java.util.Set<Long> deleted = new java.util.HashSet<>();

        @Override
        public boolean restore(long keyId) {
            writes.add(keyId + ":restore");
            return !deleted.contains(keyId);
        }
    }

    private final UpstreamClients clients = new UpstreamClients(io.gptload.shared.config.OutboundProxyConfig.NONE);
    private final RecordingStore store = new RecordingStore();
    private final KeyPool pool = new KeyPool();
    private final RecordingEvent<KeyStatusChanged> changes = new RecordingEvent<>();
    private final KeyHealth health = new KeyHealth(pool, store, clients, changes);
    private final PooledKey k1 = new PooledKey(1, 7, new Secret("sk-1"), "h1", "sk-1");
    private final PooledKey k2 = new PooledKey(2, 7, new Secret("sk-2"), "h2", "sk-2");

    @AfterEach
    void close() throws Exception {
        clients.relay().shutdown();
        clients.relay().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Waits for the off-path writes. */
    @Test
    void manualRestoresAreReportedWithTheirCountAndNoneIsSilent() {
        health.restored(9, 0);
        health.restored(9, 4);
        assertEquals(List.of(new KeyStatusChanged(9, KeyStatusChanged.Kind.RESTORED, 4)), changes.fired);
    }

    private void settle() throws InterruptedException {
        clients.relay().shutdown();
        assertTrue(clients.relay().awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void blacklistsAtTheThresholdAndOnlyOnce() throws Exception {
        pool.replace(7, List.of(k1, k2));
        assertFalse(health.failure(k1, 3));
        assertFalse(health.failure(k1, 3));
        assertTrue(health.failure(k1, 3), "third consecutive failure blacklists");
        assertFalse(health.failure(k1, 3), "already out of rotation");
        assertEquals(1, pool.activeCount(7));
        assertEquals(k2, pool.next(7).orElseThrow());
        settle();
        assertEquals(List.of(new KeyStatusChanged(7, KeyStatusChanged.Kind.BLACKLISTED, 1)), changes.fired,
                "one event, for the failure that blacklisted");
        assertTrue(store.writes.stream().anyMatch(w -> w.startsWith("1:") && w.endsWith(":invalid")),
                "the blacklisting is stored (a later count-only write cannot undo it: it only touches active rows): "
                        + store.writes);
    }

    @Test
    void successResetsTheCountAndWritesOnlyWhenItWasAboveZero() throws Exception {
        pool.replace(7, List.of(k1));
        health.success(k1);
        health.failure(k1, 3);
        health.failure(k1, 3);
        health.success(k1);
        assertEquals(0, health.failuresOf(1));
        health.failure(k1, 3);
        health.failure(k1, 3);
        assertEquals(1, pool.activeCount(7), "failures are consecutive: two after a success do not reach 3");
        settle();
        assertEquals("1:2", store.writes.get(store.writes.size() - 1), "the latest state wins: " + store.writes);
        assertTrue(store.writes.size() <= 5, "at most one write per change, coalesced: " + store.writes);
    }

    @Test
    void aStormOfFailuresEndsInTheLatestState() throws Exception {
        pool.replace(7, List.of(k1, k2));
        for (int i = 0; i < 2_000; i++) {
            health.failure(k2, 0);
        }
        settle();
        assertTrue(store.writes.size() <= 2_000, "never more writes than changes: " + store.writes.size());
        assertEquals("2:2000", store.writes.get(store.writes.size() - 1), "the latest state is the one stored");
    }

    @Test
    void thresholdZeroNeverBlacklists() throws Exception {
        pool.replace(7, List.of(k1));
        for (int i = 0; i < 20; i++) {
            assertFalse(health.failure(k1, 0));
        }
        assertEquals(1, pool.activeCount(7));
        settle();
        assertEquals(List.of(), changes.fired);
    }

    // --- validation results (spec §2.6, DECISIONS 1) ---

    private static final KeyCheck BAD = KeyCheck.invalid("[status 401] invalid api key");

    @Test
    void validActiveKeyWithoutFailuresChangesNothingAndWritesNothing() {
        pool.replace(7, List.of(k1));
        assertEquals(KeyHealth.Change.NONE, health.validated(k1, KeyCheck.VALID, 3));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void validActiveKeyGetsItsFailuresResetSynchronously() {
        pool.replace(7, List.of(k1));
        health.known(1, 2);
        assertEquals(KeyHealth.Change.RESET, health.validated(k1, KeyCheck.VALID, 3));
        assertEquals(0, health.failuresOf(1));
        assertEquals(List.of("1:reset"), store.writes, "written before validated() returns");
    }

    @Test
    void validInvalidKeyIsRestoredInTheDatabaseAndBackInRotation() {
        pool.replace(7, List.of(k2));
        health.known(1, 3);
        assertEquals(KeyHealth.Change.RESTORED, health.validated(k1, KeyCheck.VALID, 3));
        assertEquals(List.of("1:restore"), store.writes);
        assertEquals(List.of(new KeyStatusChanged(7, KeyStatusChanged.Kind.RESTORED, 1)), changes.fired);
        assertTrue(pool.contains(7, 1));
        assertEquals(2, pool.activeCount(7));
        assertEquals(0, health.failuresOf(1), "a restored key starts from zero failures");
    }

    @Test
    void restoringIntoAGroupWithNoActiveKeysCreatesItsRing() {
        assertEquals(KeyHealth.Change.RESTORED, health.validated(k1, KeyCheck.VALID, 3));
        assertEquals(k1, pool.next(7).orElseThrow());
    }

    @Test
    void aKeyDeletedMeanwhileIsNotPutBack() {
        store.deleted.add(1L);
        assertEquals(KeyHealth.Change.NONE, health.validated(k1, KeyCheck.VALID, 3));
        assertFalse(pool.contains(7, 1));
        assertEquals(List.of(), changes.fired, "nothing was restored");
    }

    @Test
    void failedValidationOfAnActiveKeyCountsAndBlacklistsAtTheThreshold() {
        pool.replace(7, List.of(k1, k2));
        assertEquals(KeyHealth.Change.COUNTED, health.validated(k1, BAD, 2));
        assertEquals(List.of("1:1"), store.writes, "written before validated() returns");
        assertEquals(KeyHealth.Change.BLACKLISTED, health.validated(k1, BAD, 2));
        assertEquals(List.of(new KeyStatusChanged(7, KeyStatusChanged.Kind.BLACKLISTED, 1)), changes.fired);
        assertFalse(pool.contains(7, 1));
        assertEquals(List.of("1:1", "1:2:invalid"), store.writes);
    }

    @Test
    void failedValidationWithThresholdZeroOnlyCounts() {
        pool.replace(7, List.of(k1));
        for (int i = 0; i < 5; i++) {
            assertEquals(KeyHealth.Change.COUNTED, health.validated(k1, BAD, 0));
        }
        assertEquals(5, health.failuresOf(1));
        assertTrue(pool.contains(7, 1));
    }

    @Test
    void failedValidationOfAnInvalidKeyChangesNothing() {
        pool.replace(7, List.of(k2));
        health.known(1, 3);
        assertEquals(KeyHealth.Change.NONE, health.validated(k1, BAD, 3));
        assertEquals(3, health.failuresOf(1));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void uncountedMessagesDoNotCountAgainstAnActiveKey() {
        pool.replace(7, List.of(k1));
        assertEquals(KeyHealth.Change.NONE,
                health.validated(k1, KeyCheck.invalid("[status 429] Resource has been exhausted (e.g. check quota)."), 1));
        assertTrue(pool.contains(7, 1));
        assertEquals(0, health.failuresOf(1));
    }

    @Test
    void proxyFailuresAndValidationShareOneCount() throws Exception {
        pool.replace(7, List.of(k1));
        health.failure(k1, 3);
        health.failure(k1, 3);
        assertEquals(KeyHealth.Change.BLACKLISTED, health.validated(k1, BAD, 3), "third consecutive failure");
        assertEquals(KeyHealth.Change.RESTORED, health.validated(k1, KeyCheck.VALID, 3));
        assertFalse(health.failure(k1, 3), "counting starts again after the restore");
        settle();
    }
}
