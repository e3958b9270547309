package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InvalidKeyCountsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<Map<Long, Long>> db = new AtomicReference<>(Map.of(1L, 3L));
    private final AtomicReference<Boolean> down = new AtomicReference<>(false);
    private final InvalidKeyCounts counts = new InvalidKeyCounts(() -> {
        queries.incrementAndGet();
        if (down.get()) {
            throw new SQLException("database down");
        }
        return db.get();
    }, now::get);

    @Test
    void oneQueryServesEveryGroupUntilItIsTooOld() {
        assertEquals(3, counts.of(1));
        assertEquals(0, counts.of(2), "a group without invalid keys");
        db.set(Map.of(1L, 5L, 2L, 1L));
        now.addAndGet(InvalidKeyCounts.MAX_AGE_NANOS - 1);
        assertEquals(3, counts.of(1), "still fresh");
        assertEquals(1, queries.get());
        now.addAndGet(1);
        assertEquals(5, counts.of(1));
        assertEquals(1, counts.of(2));
        assertEquals(2, queries.get());
    }

    @Test
    void allGroupsWithInvalidKeysFromTheSameQuery() {
        db.set(Map.of(1L, 3L, 2L, 0L, 7L, 1L));
        assertEquals(Map.of(1L, 3L, 7L, 1L), counts.all(), "groups without invalid keys left out");
        assertEquals(1, counts.of(7));
        assertEquals(1, queries.get());
    }

    @Test
    void aKeyStatusChangeMakesTheNextReadCountAgain() {
        assertEquals(3, counts.of(1));
        db.set(Map.of(1L, 4L));
        counts.onKeyStatus(new KeyStatusChanged(1, KeyStatusChanged.Kind.BLACKLISTED, 1));
        assertEquals(4, counts.of(1));
    }

    @Test
    void aFailedCountKeepsTheLastNumbersAndWaitsBeforeTryingAgain() {
        assertEquals(3, counts.of(1));
        down.set(true);
        now.addAndGet(InvalidKeyCounts.MAX_AGE_NANOS);
        assertEquals(3, counts.of(1));
        assertEquals(3, counts.of(1));
        assertEquals(2, queries.get(), "no query storm while the database is down");
    }

    @Test
    void aFailureBeforeAnyCountReadsAsZero() {
        down.set(true);
        assertEquals(0, counts.of(1));
        assertEquals(0, counts.of(1));
        assertEquals(1, queries.get());
    }
}
