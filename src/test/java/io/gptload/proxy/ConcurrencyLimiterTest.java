package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.ConcurrencyLimiter.Admission;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterTest {

    @Test
    void admitsUpToTheLimitThenSaysBusy() {
        ConcurrencyLimiter l = new ConcurrencyLimiter(2);
        assertEquals(Admission.ADMITTED, l.tryEnter());
        assertEquals(Admission.ADMITTED, l.tryEnter());
        assertEquals(Admission.BUSY, l.tryEnter());
        assertEquals(2, l.inFlight());
        l.release();
        assertEquals(Admission.ADMITTED, l.tryEnter());
    }

    @Test
    void closedAdmitsNobodyAndHoldsNoPermitForThem() {
        ConcurrencyLimiter l = new ConcurrencyLimiter(1);
        l.close();
        assertTrue(l.closed());
        assertEquals(Admission.CLOSED, l.tryEnter());
        assertEquals(0, l.inFlight(), "a refused request holds no permit");
        ConcurrencyLimiter full = new ConcurrencyLimiter(1);
        full.tryEnter();
        full.close();
        assertEquals(Admission.CLOSED, full.tryEnter(), "closed wins over busy");
    }

    @Test
    void awaitIdleReturnsWhenTheLastRequestLeaves() throws Exception {
        ConcurrencyLimiter l = new ConcurrencyLimiter(5);
        l.tryEnter();
        Thread leaver = Thread.ofVirtual().start(() -> {
            sleep(150);
            l.release();
        });
        assertTrue(l.awaitIdle(Duration.ofSeconds(5)));
        assertEquals(0, l.inFlight());
        leaver.join();
    }

    @Test
    void awaitIdleGivesUpAfterTheTimeout() throws Exception {
        ConcurrencyLimiter l = new ConcurrencyLimiter(5);
        l.tryEnter();
        long t0 = System.nanoTime();
        assertFalse(l.awaitIdle(Duration.ofMillis(120)));
        assertTrue(System.nanoTime() - t0 >= 120_000_000L, "waited the whole timeout");
        assertTrue(new ConcurrencyLimiter(1).awaitIdle(Duration.ZERO), "idle at once");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimiter(0));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
