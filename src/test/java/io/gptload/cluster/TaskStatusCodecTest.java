package io.gptload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStatusCodecTest {

    @Test
    void keepsEveryFieldOfARunningAndAFinishedTask() {
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 22, 8, 0, 1, 0, ZoneOffset.UTC);
        TaskStatus running = new TaskStatus(TaskStatus.KEY_IMPORT, true, "g1", 500, 2000, Map.of(), "", start, null);
        assertEquals(running, TaskStatusCodec.read(TaskStatusCodec.write(running)));
        Map<String, Long> result = new LinkedHashMap<>();
        result.put("added_count", 1990L);
        result.put("ignored_count", 10L);
        TaskStatus done = running.withProgress(2000).finished(result, "", start.plusSeconds(3));
        assertEquals(done, TaskStatusCodec.read(TaskStatusCodec.write(done)));
        TaskStatus failed = running.finished(Map.of(), "validation failed: boom", start.plusSeconds(1));
        assertEquals(failed, TaskStatusCodec.read(TaskStatusCodec.write(failed)));
    }

    @Test
    void nothingOrGarbageIsNoTask() {
        assertEquals(TaskStatus.NONE, TaskStatusCodec.read(null));
        assertEquals(TaskStatus.NONE, TaskStatusCodec.read("{not json"));
        assertEquals(TaskStatus.NONE, TaskStatusCodec.read("{\"task_type\":1}"));
    }
}
