package io.gptload.cluster;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link TaskStatus} as stored in Redis: every field, kept exactly (the API's JSON drops some). */
final class TaskStatusCodec {

    private TaskStatusCodec() {
    }

    static String write(TaskStatus s) {
        JsonObjectBuilder result = Json.createObjectBuilder();
        s.result().forEach(result::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("task_type", s.taskType()).add("is_running", s.running())
                .add("group_name", s.groupName()).add("processed", s.processed()).add("total", s.total())
                .add("result", result).add("error", s.error());
        if (s.startedAt() != null) {
            b.add("started_at", s.startedAt().toString());
        }
        if (s.finishedAt() != null) {
            b.add("finished_at", s.finishedAt().toString());
        }
        return b.build().toString();
    }

    /** The status, or {@link TaskStatus#NONE} when {@code json} is null or unreadable. */
    static TaskStatus read(String json) {
        if (json == null || json.isBlank()) {
            return TaskStatus.NONE;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, Long> result = new LinkedHashMap<>();
            o.getJsonObject("result").forEach((k, v) -> result.put(k, ((JsonNumber) v).longValue()));
            return new TaskStatus(o.getString("task_type"), o.getBoolean("is_running"), o.getString("group_name"),
                    o.getInt("processed"), o.getInt("total"), result, o.getString("error"),
                    time(o, "started_at"), time(o, "finished_at"));
        } catch (RuntimeException e) {
            return TaskStatus.NONE;
        }
    }

    private static OffsetDateTime time(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : OffsetDateTime.parse(o.getString(name));
    }
}
