package io.gptload.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class AccessLogLineTest {

    @Test
    void lineIsMethodPathQueryStatusAndGoLatency() {
        assertEquals("POST /proxy/g/v1/chat/completions?a=1 - 200 - 1.5s",
                AccessLogLine.format("POST", "/proxy/g/v1/chat/completions", "a=1", 200, Duration.ofMillis(1500)));
        assertEquals("GET /api/groups - 401 - 12ms",
                AccessLogLine.format("GET", "/api/groups", null, 401, Duration.ofMillis(12)));
        assertEquals("GET /x - 200 - 0s", AccessLogLine.format("GET", "/x", "", 200, Duration.ZERO));
    }

    @Test
    void keyValuesAreMaskedWhateverTheirSpelling() {
        assertEquals("key=***", AccessLogLine.maskKeys("key=sk-secret"));
        assertEquals("alt=sse&key=***&x=key", AccessLogLine.maskKeys("alt=sse&key=sk-secret&x=key"));
        assertEquals("KEY=***&%6Bey=***&key=***", AccessLogLine.maskKeys("KEY=a&%6Bey=b&key"));
        assertEquals("key=***&key=***", AccessLogLine.maskKeys("key=a&key=b"));
        assertEquals("monkey=1&keys=2&k=3", AccessLogLine.maskKeys("monkey=1&keys=2&k=3"));
        assertEquals("key%=x&a", AccessLogLine.maskKeys("key%=x&a"), "a bad escape is not a key");
        assertEquals("", AccessLogLine.maskKeys(null));
        assertEquals("a=1&&b=2", AccessLogLine.maskKeys("a=1&&b=2"), "other pairs pass untouched");
    }

    @Test
    void searchesByAnUpstreamKeyAreMaskedToo() {
        assertEquals("group_id=2&key_value=***", AccessLogLine.maskKeys("group_id=2&key_value=sk-real"));
        assertEquals("Key_Value=***&key_values=x", AccessLogLine.maskKeys("Key_Value=sk-real&key_values=x"));
    }

    @Test
    void theLineNeverContainsTheKey() {
        String line = AccessLogLine.format("GET", "/api/keys/export", "key=admin-secret&group_id=1", 200,
                Duration.ofMillis(3));
        assertFalse(line.contains("admin-secret"), line);
        assertTrue(line.contains("key=***&group_id=1"), line);
    }

    @Test
    void levelFollowsTheStatus() {
        assertEquals(Level.INFO, AccessLogLine.level(200));
        assertEquals(Level.INFO, AccessLogLine.level(304));
        assertEquals(Level.WARNING, AccessLogLine.level(400));
        assertEquals(Level.WARNING, AccessLogLine.level(499));
        assertEquals(Level.SEVERE, AccessLogLine.level(500));
        assertEquals(Level.SEVERE, AccessLogLine.level(503));
    }

    @Test
    void healthIsLoggedOnlyWhenItFails() {
        assertFalse(AccessLogLine.worthLogging("/health", 200));
        assertTrue(AccessLogLine.worthLogging("/health", 503));
        assertTrue(AccessLogLine.worthLogging("/healthz", 200));
        assertTrue(AccessLogLine.worthLogging("/api/groups", 200));
    }
}
