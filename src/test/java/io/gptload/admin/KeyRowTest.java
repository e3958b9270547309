package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.keypool.KeyCheckHistory.FailedCheck;
import io.gptload.keypool.StoredKey;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A key table row: the key masked, and its failed check only when it is the key's own. */
class KeyRowTest {

    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 12, 7, 4, 0, 0);

    private static StoredKey key() {
        return new StoredKey(9, "stored", "hash9", 3, StoredKey.INVALID, null, 0, 1, null, CREATED, CREATED);
    }

    private static long millis(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    @Test
    void aFailedCheckShowsItsLocalTimeAndReason() {
        KeyRow row = KeyRow.of(key(), "sk-abcdefghijkl", new FailedCheck(millis(CREATED.plusMinutes(5)), "[status 401] no"));
        assertEquals("sk-a****ijkl", row.masked());
        assertEquals("2026-12-07 04:05:00", row.checkFailedAt());
        assertEquals("[status 401] no", row.checkReason());
        assertEquals("", row.notes());
    }

    @Test
    void noCheckOrACheckFromBeforeTheKeyExistedShowsNothing() {
        assertEquals("", KeyRow.of(key(), "sk-abcdefghijkl", null).checkReason());
        KeyRow reused = KeyRow.of(key(), "sk-abcdefghijkl", new FailedCheck(millis(CREATED.minusHours(1)), "[status 401] old"));
        assertEquals("", reused.checkReason(), "a deleted key's check under a reused id");
        assertEquals("", reused.checkFailedAt());
        KeyRow roundedUp = KeyRow.of(key(), "sk-abcdefghijkl", new FailedCheck(millis(CREATED) - 900, "[status 401] now"));
        assertEquals("[status 401] now", roundedUp.checkReason(), "a creation time rounded up by the database");
    }
}
