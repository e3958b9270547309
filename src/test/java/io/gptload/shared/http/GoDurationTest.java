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

    @Test
    void keepsLeadingZerosOfTheFractionAndDropsTrailingOnes() {
        assertEquals("1.005ms", GoDuration.format(Duration.ofNanos(1_005_000)));
        assertEquals("3.000001ms", GoDuration.format(Duration.ofNanos(3_000_001)));
        assertEquals("1.01µs", GoDuration.format(Duration.ofNanos(1_010)));
        assertEquals("2.000000001s", GoDuration.format(Duration.ofNanos(2_000_000_001L)));
        assertEquals("59.9s", GoDuration.format(Duration.ofMillis(59_900)));
        assertEquals("1m0.05s", GoDuration.format(Duration.ofMillis(60_050)));
        assertEquals("-1.25ms", GoDuration.format(Duration.ofNanos(-1_250_000)));
        assertEquals("999ns", GoDuration.format(Duration.ofNanos(999)));
        assertEquals("1µs", GoDuration.format(Duration.ofNanos(1_000)));
    }
}
