package io.gptload.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.shared.config.ConfigLookup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleConfigTest {

    private static LoginThrottleConfig read(Map<String, String> env) {
        return LoginThrottleConfig.read(new ConfigLookup(n -> Optional.ofNullable(env.get(n))));
    }

    @Test
    void defaultsAreTenFailuresInFiveMinutes() {
        assertEquals(new LoginThrottleConfig(10, Duration.ofMinutes(5)), read(Map.of()));
    }

    @Test
    void valuesAreRead() {
        assertEquals(new LoginThrottleConfig(3, Duration.ofSeconds(7)),
                read(Map.of("LOGIN_MAX_FAILURES", " 3 ", "LOGIN_BLOCK_SECONDS", "7")));
        assertEquals(0, read(Map.of("LOGIN_MAX_FAILURES", "0")).maxFailures(), "0 switches throttling off");
    }

    @Test
    void badValuesFallBackToTheDefaults() {
        assertEquals(new LoginThrottleConfig(10, Duration.ofMinutes(5)),
                read(Map.of("LOGIN_MAX_FAILURES", "-2", "LOGIN_BLOCK_SECONDS", "0")));
        assertEquals(new LoginThrottleConfig(10, Duration.ofMinutes(5)),
                read(Map.of("LOGIN_MAX_FAILURES", "many", "LOGIN_BLOCK_SECONDS", "soon")));
    }
}
