package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {

    private final JsonLineFormatter f = new JsonLineFormatter(ZoneOffset.ofHours(8));

    private static JsonObject parse(String line) {
        try (var r = Json.createReader(new StringReader(line))) {
            return r.readObject();
        }
    }

    private static LogRecord record(Level level, String msg) {
        LogRecord r = new LogRecord(level, msg);
        r.setLoggerName("io.gptload.access");
        r.setInstant(Instant.parse("2025-01-02T03:04:05.678Z"));
        return r;
    }

    @Test
    void oneObjectPerLineWithTheFiveFields() {
        String line = f.format(record(Level.INFO, "GET /x - 200 - 1ms"));
        assertTrue(line.endsWith("}\n"));
        assertEquals(1, line.lines().count());
        JsonObject o = parse(line);
        assertEquals("2025-01-02T11:04:05.678+08:00", o.getString("time"));
        assertEquals("info", o.getString("level"));
        assertEquals("io.gptload.access", o.getString("logger"));
        assertEquals("GET /x - 200 - 1ms", o.getString("message"));
        assertEquals(Thread.currentThread().getName(), o.getString("thread"));
    }

    @Test
    void awkwardCharactersStayInsideTheLine() {
        String msg = "quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 ünï 测试";
        String line = f.format(record(Level.WARNING, msg));
        assertEquals(1, line.lines().count(), line);
        JsonObject o = parse(line);
        assertEquals(msg, o.getString("message"));
        assertEquals("warn", o.getString("level"));
    }

    @Test
    void parametersAreAppliedAndStackTracesKept() {
        LogRecord r = record(Level.SEVERE, "flush failed ({0} entries)");
        r.setParameters(new Object[] {3});
        r.setThrown(new IllegalStateException("boom"));
        String line = f.format(r);
        assertEquals(1, line.lines().count());
        JsonObject o = parse(line);
        assertEquals("flush failed (3 entries)", o.getString("message"));
        assertEquals("error", o.getString("level"));
        assertTrue(o.getString("error").startsWith("java.lang.IllegalStateException: boom"), o.getString("error"));
    }

    @Test
    void levelsAreNamedAsGptLoadNamesThem() {
        assertEquals("debug", JsonLineFormatter.level(Level.FINE));
        assertEquals("debug", JsonLineFormatter.level(Level.FINEST));
        assertEquals("info", JsonLineFormatter.level(Level.INFO));
        assertEquals("debug", JsonLineFormatter.level(Level.CONFIG));
        assertEquals("warn", JsonLineFormatter.level(Level.WARNING));
        assertEquals("error", JsonLineFormatter.level(Level.SEVERE));
    }

    @Test
    void aMissingLoggerNameIsEmptyAndAnotherThreadIsNamedById() {
        LogRecord r = new LogRecord(Level.INFO, "m");
        r.setLongThreadID(Thread.currentThread().threadId() + 1000);
        JsonObject o = parse(f.format(r));
        assertEquals("", o.getString("logger"));
        assertEquals("thread-" + (Thread.currentThread().threadId() + 1000), o.getString("thread"));
    }
}
