package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Waiting on the gateway's one async-task slot ({@code /api/tasks/status}) in the integration tests. */
final class Tasks {

    /** The finished task and every {@code processed} value seen while polling. */
    record Run(JsonObject status, List<Integer> processed) {
    }

    private Tasks() {
    }

    /** Waits until no task is running (another test's task may still be finishing). */
    static void awaitIdle(Api api) throws InterruptedException {
        awaitFinished(api, 600_000, 100);
    }

    /** Polls until the running task ends; fails after {@code timeoutMs}. */
    static Run awaitFinished(Api api, long timeoutMs, long pollMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        List<Integer> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            Api.Resp r = api.get("/api/tasks/status");
            assertEquals(200, r.status(), r.body());
            JsonObject s = r.data();
            seen.add(s.getInt("processed"));
            if (!s.getBoolean("is_running")) {
                return new Run(s, seen);
            }
            Thread.sleep(pollMs);
        }
        throw new AssertionError("task still running after " + timeoutMs + " ms: " + seen);
    }

    /** Asserts the shape of a task that has just started. */
    static void assertStarted(JsonObject data, String type, String group, int total) {
        assertEquals(type, data.getString("task_type"), data.toString());
        assertTrue(data.getBoolean("is_running"), data.toString());
        assertEquals(group, data.getString("group_name"));
        assertEquals(0, data.getInt("processed"));
        assertEquals(total, data.getInt("total"));
        assertTrue(data.getString("started_at").matches("\\d{4}-\\d\\d-\\d\\dT.*"), data.toString());
        for (String absent : List.of("result", "error", "finished_at", "duration_seconds")) {
            assertTrue(!data.containsKey(absent), absent + " while running: " + data);
        }
    }

    /** A {@code multipart/form-data} request body: text fields, then one file part. */
    static HttpRequest.BodyPublisher multipart(String boundary, List<String[]> fields, String fileName, String fileText) {
        StringBuilder sb = new StringBuilder();
        for (String[] f : fields) {
            sb.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(f[0]).append("\"\r\n\r\n")
                    .append(f[1]).append("\r\n");
        }
        if (fileName != null) {
            sb.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                    .append("Content-Type: text/plain\r\n\r\n").append(fileText).append("\r\n");
        }
        sb.append("--").append(boundary).append("--\r\n");
        return HttpRequest.BodyPublishers.ofString(sb.toString(), StandardCharsets.UTF_8);
    }
}
