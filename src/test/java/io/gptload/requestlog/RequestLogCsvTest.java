package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** One console CSV line: every column in order, the key masked, CSV quoting where needed. */
class RequestLogCsvTest {

    private static RequestLogView view(String key, String error) {
        return new RequestLogView("id-1", OffsetDateTime.of(2025, 1, 15, 10, 15, 30, 123_000_000, ZoneOffset.ofHours(8)),
                3, "grp", 9, "agg", key, "hash", "gpt-4o", false, "10.0.0.9", 429, "/proxy/grp/v1/chat/completions",
                1234, error, "ua", "retry", "https://up.test", true, "{\"secret\":1}");
    }

    @Test
    void aLineHasEveryColumnAndAMaskedKey() {
        assertEquals("2025-01-15T10:15:30.123+08:00,grp,agg,sk-a****wxyz,gpt-4o,429,false,1234,retry,10.0.0.9,"
                + "\"rate, limited\"\n", RequestLogCsv.line(view("sk-abcdefghijklmnopqrstuvwxyz", "rate, limited")));
    }

    @Test
    void shortMissingAndUnreadableKeysNeverShowMoreThanTheyShould() {
        assertEquals("****", RequestLogCsv.maskedKey("sk-short"));
        assertEquals("", RequestLogCsv.maskedKey(""));
        assertEquals("", RequestLogCsv.maskedKey(null));
        assertEquals("failed-to-decrypt", RequestLogCsv.maskedKey("failed-to-decrypt"));
    }
}
