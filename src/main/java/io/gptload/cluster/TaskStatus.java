package io.gptload.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of the one async-task slot (spec §3.2 TaskStatus): {@code KEY_VALIDATION},
 * {@code KEY_IMPORT} or {@code KEY_DELETE}, with progress, result or error.
 *
 * @param result     counts of a finished task, e.g. {@code added_count}; empty otherwise
 * @param startedAt  null when no task ever ran
 * @param finishedAt null while running
 */
public record TaskStatus(String taskType, boolean running, String groupName, int processed, int total,
                         Map<String, Long> result, String error, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt) {

    public static final String KEY_VALIDATION = "KEY_VALIDATION";
    public static final String KEY_IMPORT = "KEY_IMPORT";
    public static final String KEY_DELETE = "KEY_DELETE";
    public static final TaskStatus NONE = new TaskStatus("", false, "", 0, 0, Map.of(), "", null, null);

    public TaskStatus {
        Objects.requireNonNull(taskType, "taskType");
        groupName = groupName == null ? "" : groupName;
        result = Map.copyOf(result == null ? Map.of() : new LinkedHashMap<>(result));
        error = error == null ? "" : error;
    }

    public TaskStatus withProgress(int done) {
        return new TaskStatus(taskType, running, groupName, done, total, result, error, startedAt, finishedAt);
    }

    public TaskStatus finished(Map<String, Long> counts, String failure, OffsetDateTime at) {
        return new TaskStatus(taskType, false, groupName, processed, total, counts, failure, startedAt, at);
    }

    /** gpt-load's JSON: optional fields omitted as it does, zero time when no task ran. */
    public JsonObject toJson(Map<String, Long> resultOrder) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("task_type", taskType).add("is_running", running);
        if (!groupName.isEmpty()) {
            b.add("group_name", groupName);
        }
        b.add("processed", processed).add("total", total);
        if (!running && error.isEmpty() && !result.isEmpty()) {
            JsonObjectBuilder r = Json.createObjectBuilder();
            (resultOrder.isEmpty() ? result : resultOrder).keySet().forEach(k -> r.add(k, result.getOrDefault(k, 0L)));
            b.add("result", r);
        }
        if (!error.isEmpty()) {
            b.add("error", error);
        }
        b.add("started_at", startedAt == null ? "0001-01-01T00:00:00Z"
                : startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (finishedAt != null) {
            b.add("finished_at", finishedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            double seconds = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
            if (seconds > 0) {
                b.add("duration_seconds", seconds);
            }
        }
        return b.build();
    }
}
