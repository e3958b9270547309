package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidationRunTest {

    private final ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void close() {
        exec.shutdownNow();
    }

    private static KeyCheck evenIsValid(int i) {
        return i % 2 == 0 ? KeyCheck.VALID : KeyCheck.invalid("[status 401] no " + i);
    }

    @Test
    void resultsComeBackInInputOrder() {
        List<Integer> items = IntStream.range(0, 57).boxed().toList();
        List<KeyCheck> r = ValidationRun.run(items, 7, exec, ValidationRunTest::evenIsValid, n -> { },
                System::currentTimeMillis);
        assertEquals(57, r.size());
        for (int i = 0; i < 57; i++) {
            assertEquals(evenIsValid(i), r.get(i), "item " + i);
        }
        assertEquals(29, ValidationRun.valid(r));
    }

    @Test
    void neverMoreWorkersThanTheConcurrency() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ValidationRun.run(IntStream.range(0, 40).boxed().toList(), 3, exec, i -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return KeyCheck.VALID;
        }, n -> { }, System::currentTimeMillis);
        assertTrue(peak.get() <= 3, "peak " + peak.get());
        assertTrue(peak.get() >= 2, "work is spread over workers, peak " + peak.get());
    }

    @Test
    void progressIsReportedAtMostOncePerSecond() {
        AtomicLong clock = new AtomicLong(0);
        List<Integer> reported = Collections.synchronizedList(new ArrayList<>());
        // one worker, each check advances the clock by 300 ms: reports after items 4, 8, 12 (1200 ms apart)
        ValidationRun.run(IntStream.range(0, 12).boxed().toList(), 1, exec, i -> {
            clock.addAndGet(300);
            return KeyCheck.VALID;
        }, reported::add, clock::get);
        assertEquals(List.of(4, 8, 12), reported);
    }

    @Test
    void aCheckThatThrowsCountsAsInvalidAndTheRunGoesOn() {
        List<KeyCheck> r = ValidationRun.run(List.of(1, 2, 3), 2, exec, i -> {
            if (i == 2) {
                throw new IllegalStateException("boom sk-secret");
            }
            return KeyCheck.VALID;
        }, n -> { }, System::currentTimeMillis);
        assertTrue(r.get(0).valid());
        assertFalse(r.get(1).valid());
        assertEquals("validation failed: IllegalStateException", r.get(1).error(), "no exception text (may hold a key)");
        assertTrue(r.get(2).valid());
    }

    @Test
    void emptyInputAndZeroConcurrencyAreHarmless() {
        assertEquals(List.of(), ValidationRun.run(List.<Integer>of(), 10, exec, i -> KeyCheck.VALID, n -> { },
                System::currentTimeMillis));
        assertEquals(2, ValidationRun.run(List.of(1, 2), 0, exec, i -> KeyCheck.VALID, n -> { },
                System::currentTimeMillis).size());
    }

    @Test
    void aValidCheckCarriesNoError() {
        assertThrows(IllegalArgumentException.class, () -> new KeyCheck(true, "x"));
        assertThrows(NullPointerException.class, () -> KeyCheck.invalid(null));
    }

    @Test
    void aGroupIsDueWhenNeverValidatedOrItsIntervalHasPassed() {
        LocalDateTime now = LocalDateTime.of(2025, 1, 1, 12, 0);
        assertTrue(KeyRevalidation.due(null, 60, now));
        assertTrue(KeyRevalidation.due(now.minusMinutes(60), 60, now));
        assertFalse(KeyRevalidation.due(now.minusMinutes(59), 60, now));
        assertTrue(KeyRevalidation.due(now.minusMinutes(1), 1, now));
        assertFalse(KeyRevalidation.due(now.minusSeconds(30), 0, now), "interval below 1 minute counts as 1");
        assertFalse(KeyRevalidation.due(now.plusMinutes(5), 1, now), "a future stamp (clock change) waits");
    }
}
