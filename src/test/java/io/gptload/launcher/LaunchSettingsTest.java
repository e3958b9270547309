package io.gptload.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    @Test
    void defaults() {
        LaunchSettings s = LaunchSettings.resolve(Map.of("AUTH_KEY", "k"), Map.of());
        assertEquals("0.0.0.0", s.host());
        assertEquals(3001, s.port());
        assertNull(s.problem());
    }

    @Test
    void realEnvironmentBeatsDotEnv() {
        LaunchSettings s = LaunchSettings.resolve(Map.of("PORT", "3002", "AUTH_KEY", "a"),
                Map.of("PORT", "3001", "HOST", "127.0.0.1", "AUTH_KEY", "b"));
        assertEquals(3002, s.port());
        assertEquals("127.0.0.1", s.host());
        assertEquals("a", s.authKey());
    }

    @Test
    void missingAuthKeyIsAOneLineProblem() {
        String p = LaunchSettings.resolve(Map.of(), Map.of("AUTH_KEY", "  ")).problem();
        assertTrue(p.startsWith("AUTH_KEY is not set"), p);
        assertEquals(1, p.lines().count());
    }

    @Test
    void badPortIsRejected() {
        assertTrue(LaunchSettings.resolve(Map.of("AUTH_KEY", "k", "PORT", "x"), Map.of()).problem().contains("PORT"));
        assertTrue(LaunchSettings.resolve(Map.of("AUTH_KEY", "k", "PORT", "70000"), Map.of()).problem().contains("65535"));
    }

    @Test
    void postBootBindsHostAndMovesHealth() {
        var cmds = LaunchSettings.resolve(Map.of("AUTH_KEY", "k", "HOST", "127.0.0.1"), Map.of()).preBootCommands();
        assertTrue(cmds.get(0).endsWith("http-listener.address=127.0.0.1"));
        assertTrue(cmds.contains("set-microprofile-healthcheck-configuration --endpoint=healthz"));
    }
}
