package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void defaultsAreInfoTextStdoutOnly() {
        LogSettings s = LogSettings.resolve(Map.of(), Map.of());
        assertEquals(Level.INFO, s.level());
        assertFalse(s.json());
        assertFalse(s.toFile());
        assertEquals("./data/logs/app.log", s.filePath());
    }

    @Test
    void levelsMapToJavaLogging() {
        assertEquals(Level.FINE, LogSettings.level("debug"));
        assertEquals(Level.INFO, LogSettings.level(" INFO "));
        assertEquals(Level.WARNING, LogSettings.level("warn"));
        assertEquals(Level.SEVERE, LogSettings.level("error"));
        assertEquals(Level.INFO, LogSettings.level("loud"), "unknown levels are info");
    }

    @Test
    void environmentBeatsDotEnvAndBooleansAreLenient() {
        LogSettings s = LogSettings.resolve(Map.of("LOG_FORMAT", "JSON", "LOG_ENABLE_FILE", "on"),
                Map.of("LOG_FORMAT", "text", "LOG_LEVEL", "error", "LOG_FILE_PATH", " /var/log/gw.log "));
        assertTrue(s.json());
        assertTrue(s.toFile());
        assertEquals(Level.SEVERE, s.level());
        assertEquals("/var/log/gw.log", s.filePath());
        assertFalse(LogSettings.resolve(Map.of("LOG_ENABLE_FILE", "maybe"), Map.of()).toFile());
        assertEquals("./data/logs/app.log", LogSettings.resolve(Map.of("LOG_FILE_PATH", " "), Map.of()).filePath());
    }
}
