package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        long ms = 1_765_000_000_123L;
        UUID id = TimeOrderedIds.at(ms);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(ms, id.getMostSignificantBits() >>> 16);
        String text = id.toString();
        assertEquals(36, text.length());
        assertEquals(String.format("%012x", ms), text.substring(0, 8) + text.substring(9, 13));
    }

    @Test
    void idsOfALaterMillisecondSortAfterEarlierOnesAsText() {
        long ms = 1_765_000_000_000L;
        for (int i = 0; i < 1_000; i++) {
            String earlier = TimeOrderedIds.at(ms + i).toString();
            String later = TimeOrderedIds.at(ms + i + 1).toString();
            assertTrue(earlier.compareTo(later) < 0, earlier + " !< " + later);
        }
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(TimeOrderedIds.at(1_765_000_000_000L).toString()));
        }
    }

    @Test
    void nextParsesBackAsAUuidOfNow() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());
        long after = System.currentTimeMillis();
        long ms = id.getMostSignificantBits() >>> 16;
        assertTrue(ms >= before && ms <= after, ms + " not in [" + before + ", " + after + "]");
    }
}
