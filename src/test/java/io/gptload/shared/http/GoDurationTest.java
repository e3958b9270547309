package io.gptload.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void formatsLikeGo() {
        assertEquals("0s", GoDuration.format(Duration.ZERO));
        assertEquals("1h2m3.4s", GoDuration.format(Duration.ofMillis(3_723_400)));
        assertEquals("2m0s", GoDuration.format(Duration.ofMinutes(2)));
        assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
        assertEquals("830.199335ms", GoDuration.format(Duration.ofNanos(830_199_335)));
        assertEquals("1.5µs", GoDuration.format(Duration.ofNanos(1500)));
        assertEquals("12ns", GoDuration.format(Duration.ofNanos(12)));
        assertEquals("26h0m0s", GoDuration.format(Duration.ofHours(26)));
    }
}
