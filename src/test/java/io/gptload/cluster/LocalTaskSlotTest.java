package io.gptload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalTaskSlotTest {

    @Test
    void oneTaskAtATimeWithProgressAndResult() {
        LocalTaskSlot slot = new LocalTaskSlot();
        JsonObject none = slot.status().toJson(Map.of());
        assertEquals("", none.getString("task_type"));
        assertEquals("0001-01-01T00:00:00Z", none.getString("started_at"));
        assertFalse(none.containsKey("finished_at"));

        TaskSlot.Handle h = slot.tryStart(TaskStatus.KEY_IMPORT, "g1", 10).orElseThrow();
        assertTrue(slot.tryStart(TaskStatus.KEY_DELETE, "g2", 1).isEmpty(), "busy");
        h.progress(4);
        JsonObject running = slot.status().toJson(Map.of());
        assertTrue(running.getBoolean("is_running"));
        assertEquals(4, running.getInt("processed"));
        assertEquals("g1", running.getString("group_name"));
        assertFalse(running.containsKey("result"));

        h.progress(10);
        h.finish(Map.of("added_count", 9L, "ignored_count", 1L));
        JsonObject done = slot.status().toJson(Map.of());
        assertFalse(done.getBoolean("is_running"));
        assertEquals(9, done.getJsonObject("result").getInt("added_count"));
        assertTrue(done.containsKey("finished_at"));
        h.fail("late");
        assertFalse(slot.status().toJson(Map.of()).containsKey("error"), "a finished handle cannot change the slot");
        assertTrue(slot.tryStart(TaskStatus.KEY_DELETE, "g2", 1).isPresent());
    }

    @Test
    void failureIsReported() {
        LocalTaskSlot slot = new LocalTaskSlot();
        slot.tryStart(TaskStatus.KEY_VALIDATION, "g", 3).orElseThrow().fail("no keys to validate");
        JsonObject s = slot.status().toJson(Map.of());
        assertEquals("no keys to validate", s.getString("error"));
        assertFalse(s.containsKey("result"));
    }

    @Test
    void concurrentClaimsHaveOneWinner() throws Exception {
        LocalTaskSlot slot = new LocalTaskSlot();
        AtomicInteger wins = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ts.add(Thread.startVirtualThread(() -> slot.tryStart(TaskStatus.KEY_IMPORT, "g", 1)
                    .ifPresent(h -> wins.incrementAndGet())));
        }
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(1, wins.get());
    }
}
