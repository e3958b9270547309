package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.requestlog.RequestLogView;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A row of the logs table holds the key masked only, and empty text for missing fields. */
class LogRowTest {

    private static RequestLogView view(String key, String type) {
        return new RequestLogView("id-1", OffsetDateTime.of(2025, 1, 15, 10, 15, 30, 123_000_000, ZoneOffset.UTC),
                3, "grp", 0, null, key, "hash", null, true, "10.0.0.9", 200, "/proxy/grp/v1/models", 7, null, null,
                type, null, false, null);
    }

    @Test
    void theKeyIsMaskedAndMissingTextIsEmpty() {
        LogRow row = LogRow.of(view("sk-abcdefghijklmnopqrstuvwxyz", "final"));
        assertEquals("sk-a****wxyz", row.maskedKey());
        assertFalse(row.toString().contains("abcdefghij"), "not even the record's text holds the key");
        assertEquals("2025-01-15 10:15:30.123", row.time());
        assertEquals("", row.parentGroupName());
        assertEquals("", row.model());
        assertEquals("", row.requestBody());
        assertEquals("", row.errorMessage());
        assertFalse(row.isRetry());
        assertTrue(LogRow.of(view("", "retry")).isRetry());
        assertEquals("", LogRow.of(view("", "retry")).maskedKey());
    }
}
