package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.ConcurrencyLimiter.Admission;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProxyShutdownTest {

    @Test
    void drainWaitsForRunningRequestsAndCutsNothing() {
        ConcurrencyLimiter l = new ConcurrencyLimiter(10);
        l.tryEnter();
        l.tryEnter();
        Thread.ofVirtual().start(() -> {
            ConcurrencyLimiterTest.sleep(100);
            l.release();
            ConcurrencyLimiterTest.sleep(100);
            l.release();
        });
        AtomicInteger cuts = new AtomicInteger();
        assertTrue(ProxyShutdown.drain(l, Duration.ofSeconds(5), cuts::incrementAndGet));
        assertEquals(0, cuts.get());
        assertEquals(Admission.CLOSED, l.tryEnter(), "no new request once draining");
    }

    @Test
    void whatOutlivesTheBudgetIsCutAndGivenTimeToRecordItself() {
        ConcurrencyLimiter l = new ConcurrencyLimiter(10);
        l.tryEnter();
        AtomicInteger cuts = new AtomicInteger();
        boolean clean = ProxyShutdown.drain(l, Duration.ofMillis(100), () -> {
            cuts.incrementAndGet();
            l.release(); // a cut relay ends and gives its permit back
        });
        assertFalse(clean);
        assertEquals(1, cuts.get());
        assertEquals(0, l.inFlight());
    }

    @Test
    void anIdleGatewayDrainsAtOnce() {
        ConcurrencyLimiter l = new ConcurrencyLimiter(3);
        long t0 = System.nanoTime();
        assertTrue(ProxyShutdown.drain(l, Duration.ofSeconds(15), () -> {
            throw new AssertionError("nothing to cut");
        }));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
    }
}
