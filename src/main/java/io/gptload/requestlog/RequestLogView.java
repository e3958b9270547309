package io.gptload.requestlog;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** One request-log row as the API shows it (spec §3.2 RequestLog), with the key value decrypted. */
public record RequestLogView(String id, OffsetDateTime timestamp, long groupId, String groupName, long parentGroupId,
                             String parentGroupName, String keyValue, String keyHash, String model, boolean isSuccess,
                             String sourceIp, int statusCode, String requestPath, long durationMs, String errorMessage,
                             String userAgent, String requestType, String upstreamAddr, boolean isStream,
                             String requestBody) {

    public RequestLogView {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(timestamp, "timestamp must not be null");
    }

    @Override
    public String toString() {
        return "RequestLogView[" + id + " " + requestType + " group=" + groupName + " status=" + statusCode + "]";
    }

    /** The gpt-load JSON object; the timestamp is RFC 3339 with fraction and the local offset. */
    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", id)
                .add("timestamp", timestamp.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("group_id", groupId)
                .add("group_name", text(groupName))
                .add("parent_group_id", parentGroupId)
                .add("parent_group_name", text(parentGroupName))
                .add("key_value", text(keyValue))
                .add("key_hash", text(keyHash))
                .add("model", text(model))
                .add("is_success", isSuccess)
                .add("source_ip", text(sourceIp))
                .add("status_code", statusCode)
                .add("request_path", text(requestPath))
                .add("duration_ms", durationMs)
                .add("error_message", text(errorMessage))
                .add("user_agent", text(userAgent))
                .add("request_type", text(requestType))
                .add("upstream_addr", text(upstreamAddr))
                .add("is_stream", isStream)
                .add("request_body", text(requestBody))
                .build();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
