package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestLogViewTest {

    private static RequestLogView view(OffsetDateTime at) {
        return new RequestLogView("id-1", at, 2, "g2", 10, "agg", "sk-plain", "h1", "gpt-4o", true, "10.0.0.1",
                200, "/proxy/agg/v1/chat", 1234, "", "curl/8", "final", "https://up.test", true, "{}");
    }

    @Test
    void jsonHasExactlyTheGptLoadFields() {
        JsonObject json = view(OffsetDateTime.of(LocalDateTime.of(2025, 1, 15, 10, 15, 30, 120_000_000),
                ZoneOffset.ofHours(8))).toJson();
        assertEquals(Set.of("id", "timestamp", "group_id", "group_name", "parent_group_id", "parent_group_name",
                "key_value", "key_hash", "model", "is_success", "source_ip", "status_code", "request_path",
                "duration_ms", "error_message", "user_agent", "request_type", "upstream_addr", "is_stream",
                "request_body"), json.keySet());
        assertEquals("2025-01-15T10:15:30.12+08:00", json.getString("timestamp"));
        assertEquals(1234, json.getJsonNumber("duration_ms").longValue());
        assertEquals(10, json.getInt("parent_group_id"));
        assertEquals(true, json.getBoolean("is_stream"));
        assertEquals("sk-plain", json.getString("key_value"));
    }

    @Test
    void wholeSecondsAndUtcLookLikeGoTimes() {
        assertEquals("2025-01-15T10:15:30Z", view(OffsetDateTime.of(2025, 1, 15, 10, 15, 30, 0, ZoneOffset.UTC))
                .toJson().getString("timestamp"));
    }

    @Test
    void toStringShowsNoKey() {
        String s = view(OffsetDateTime.now()).toString();
        assertEquals(false, s.contains("sk-plain"));
    }

    @Test
    void idAndTimestampAreRequired() {
        assertThrows(NullPointerException.class, () -> view(null));
    }
}
