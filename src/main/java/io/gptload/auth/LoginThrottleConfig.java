package io.gptload.auth;

import io.gptload.shared.config.ConfigLookup;
import java.time.Duration;

/**
 * Static settings of login throttling (DECISIONS 14), read once at start:
 * {@code LOGIN_MAX_FAILURES} (default 10; 0 switches throttling off) failed admin logins within
 * {@code LOGIN_BLOCK_SECONDS} (default 300) block the IP for that long. Negative or unparseable
 * values fall back to the defaults.
 */
public record LoginThrottleConfig(int maxFailures, Duration window) {

    public LoginThrottleConfig {
        java.util.Objects.requireNonNull(window, "window");
    }

    public static LoginThrottleConfig read(ConfigLookup c) {
        int failures = c.integer("LOGIN_MAX_FAILURES", LoginThrottle.DEFAULT_MAX_FAILURES);
        int seconds = c.integer("LOGIN_BLOCK_SECONDS", (int) LoginThrottle.DEFAULT_WINDOW.toSeconds());
        return new LoginThrottleConfig(failures < 0 ? LoginThrottle.DEFAULT_MAX_FAILURES : failures,
                seconds < 1 ? LoginThrottle.DEFAULT_WINDOW : Duration.ofSeconds(seconds));
    }

    /** A throttle with these numbers: the block lasts as long as the window. */
    public LoginThrottle throttle() {
        return new LoginThrottle(maxFailures, window, window, LoginThrottle.DEFAULT_MAX_TRACKED, System::nanoTime);
    }
}
