package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gptload.requestlog.LogFilter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV link carries the applied filter, the key only as its hash, and reads back the same filter. */
class LogExportLinkTest {

    private static Map<String, String> params(String query) {
        Map<String, String> m = new HashMap<>();
        if (!query.isEmpty()) {
            for (String part : query.substring(1).split("&")) {
                String[] kv = part.split("=", 2);
                m.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    @Test
    void noFilterIsAnEmptyQuery() {
        assertEquals("", LogExportLink.query(LogFilter.NONE));
        assertEquals(LogFilter.NONE, LogExportLink.filter(name -> null));
    }

    @Test
    void everyFilterSurvivesTheRoundTrip() {
        LogFilter f = new LogFilter("a&b c", "agg", "gpt-4o", "100% used", "abc123hash", Boolean.FALSE, "final", 503,
                "10.0.0.1", Instant.parse("2025-01-15T08:00:00Z"), Instant.parse("2025-01-15T10:30:15.250Z"));
        String q = LogExportLink.query(f);
        assertFalse(q.contains(" "), q);
        Map<String, String> p = params(q);
        assertEquals("abc123hash", p.get("key_hash"));
        assertFalse(p.containsKey("key_value"), "the key itself never travels");
        assertEquals(f, LogExportLink.filter(p::get));
    }
}
