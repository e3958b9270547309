package io.gptload.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), Duration.ofMinutes(5), 100, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theFailureThatReachesTheLimitStartsTheBlock() {
        throttle.recordFailure("1.1.1.1");
        throttle.recordFailure("1.1.1.1");
        assertEquals(Duration.ZERO, throttle.blockedFor("1.1.1.1"));
        throttle.recordFailure("1.1.1.1");
        assertEquals(Duration.ofMinutes(5), throttle.blockedFor("1.1.1.1"));
        assertEquals(Duration.ZERO, throttle.blockedFor("2.2.2.2"), "other IPs are not affected");
    }

    @Test
    void theBlockEndsAfterItsDurationAndFailuresDuringItDoNotExtendIt() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ip");
        }
        advance(Duration.ofMinutes(4));
        throttle.recordFailure("ip");
        throttle.recordSuccess("ip");
        assertEquals(Duration.ofMinutes(1), throttle.blockedFor("ip"), "a success during the block changes nothing");
        advance(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, throttle.blockedFor("ip"));
        throttle.recordFailure("ip");
        assertEquals(Duration.ZERO, throttle.blockedFor("ip"), "the count starts afresh after a block");
    }

    @Test
    void onlyFailuresWithinTheWindowCount() {
        throttle.recordFailure("ip");
        throttle.recordFailure("ip");
        advance(Duration.ofMinutes(5));
        throttle.recordFailure("ip");
        throttle.recordFailure("ip");
        assertEquals(Duration.ZERO, throttle.blockedFor("ip"));
        throttle.recordFailure("ip");
        assertTrue(throttle.blockedFor("ip").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void aSuccessForgetsEarlierFailures() {
        throttle.recordFailure("ip");
        throttle.recordFailure("ip");
        throttle.recordSuccess("ip");
        throttle.recordFailure("ip");
        throttle.recordFailure("ip");
        assertEquals(Duration.ZERO, throttle.blockedFor("ip"));
    }

    @Test
    void zeroMaxFailuresDisablesThrottling() {
        LoginThrottle off = new LoginThrottle(0, Duration.ofMinutes(5), Duration.ofMinutes(5), 100, now::get);
        for (int i = 0; i < 100; i++) {
            off.recordFailure("ip");
        }
        assertEquals(Duration.ZERO, off.blockedFor("ip"));
        assertEquals(0, off.tracked());
    }

    @Test
    void memoryIsBoundedAndBlockedIpsAreKeptLongest() {
        LoginThrottle small = new LoginThrottle(2, Duration.ofMinutes(5), Duration.ofMinutes(5), 10, now::get);
        small.recordFailure("attacker");
        small.recordFailure("attacker");
        for (int i = 0; i < 1000; i++) {
            advance(Duration.ofMillis(1));
            small.recordFailure("10.0.0." + i);
        }
        assertTrue(small.tracked() <= 10, "tracked " + small.tracked());
        assertTrue(small.blockedFor("attacker").compareTo(Duration.ZERO) > 0, "the blocked IP is not evicted");
    }

    @Test
    void staleEntriesAreDroppedFirst() {
        LoginThrottle small = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(5), 3, now::get);
        small.recordFailure("a");
        small.recordFailure("b");
        small.recordFailure("c");
        advance(Duration.ofMinutes(6));
        small.recordFailure("d");
        assertEquals(1, small.tracked());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(-1, Duration.ofMinutes(1), Duration.ofMinutes(1), 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ZERO, Duration.ofMinutes(1), 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(-1), 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(1), 0, now::get));
        assertThrows(NullPointerException.class, () -> new LoginThrottle(1, null, Duration.ofMinutes(1), 1, now::get));
    }
}
