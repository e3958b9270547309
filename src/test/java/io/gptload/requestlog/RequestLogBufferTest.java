package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.Attempt;
import io.gptload.proxy.ProxyCompleted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogBufferTest {

    private final List<Integer> signals = new ArrayList<>();

    private static List<String> ids(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::id).toList();
    }

    @Test
    void enqueuesEveryAttemptOfARequestInOrder() {
        RequestLogBuffer buffer = new RequestLogBuffer(10, signals::add);
        buffer.onCompleted(new ProxyCompleted(List.of(attempt().id("r").retry().build(), attempt().id("f").build())));
        assertEquals(2, buffer.depth());
        assertEquals(List.of("r", "f"), ids(buffer.drain(10)));
        assertEquals(0, buffer.depth());
    }

    @Test
    void theWritersThreadWakesAtAFullBatchAndWaitsOutTheIntervalOtherwise() throws Exception {
        RequestLogBuffer buffer = new RequestLogBuffer();
        for (int i = 0; i < 199; i++) {
            buffer.add(attempt().build());
        }
        assertFalse(buffer.awaitFullBatch(20, TimeUnit.MILLISECONDS));
        buffer.add(attempt().build());
        buffer.add(attempt().build());
        assertTrue(buffer.awaitFullBatch(5, TimeUnit.SECONDS));
        assertFalse(buffer.awaitFullBatch(20, TimeUnit.MILLISECONDS)); // one wake-up per batch
        assertEquals(201, buffer.drain(500).size());
        for (int i = 0; i < 200; i++) {
            buffer.add(attempt().build());
        }
        assertTrue(buffer.awaitFullBatch(5, TimeUnit.SECONDS)); // re-armed by the drain
        buffer.wakeWriter();
        assertTrue(buffer.awaitFullBatch(5, TimeUnit.SECONDS));
    }

    @Test
    void fullBufferDropsTheOldestAndCountsThem() {
        RequestLogBuffer buffer = new RequestLogBuffer(3, signals::add);
        for (int i = 1; i <= 5; i++) {
            buffer.add(attempt().id("a" + i).build());
        }
        assertEquals(3, buffer.depth());
        assertEquals(2, buffer.dropped());
        assertEquals(List.of("a3", "a4", "a5"), ids(buffer.drain(100)));
    }

    @Test
    void signalsOnceAtAFullBatchAndAgainAfterADrain() {
        RequestLogBuffer buffer = new RequestLogBuffer(1000, signals::add);
        for (int i = 0; i < 199; i++) {
            buffer.add(attempt().build());
        }
        assertEquals(List.of(), signals);
        for (int i = 0; i < 300; i++) {
            buffer.add(attempt().build());
        }
        assertEquals(List.of(200), signals);
        buffer.drain(400);
        for (int i = 0; i < 101; i++) {
            buffer.add(attempt().build());
        }
        assertEquals(List.of(200, 200), signals);
    }

    @Test
    void requeuedBatchGoesBackInFrontInItsOrderWithinCapacity() {
        RequestLogBuffer buffer = new RequestLogBuffer(4, signals::add);
        for (int i = 1; i <= 4; i++) {
            buffer.add(attempt().id("a" + i).build());
        }
        List<Attempt> batch = buffer.drain(2);
        buffer.add(attempt().id("a5").build());
        buffer.requeueFront(batch);
        assertEquals(4, buffer.depth());
        assertEquals(1, buffer.dropped());
        assertEquals(List.of("a2", "a3", "a4", "a5"), ids(buffer.drain(10)));
    }

    @Test
    void drainTakesAtMostTheRequestedNumber() {
        RequestLogBuffer buffer = new RequestLogBuffer(10, signals::add);
        for (int i = 1; i <= 5; i++) {
            buffer.add(attempt().id("a" + i).build());
        }
        assertEquals(List.of("a1", "a2"), ids(buffer.drain(2)));
        assertEquals(3, buffer.depth());
    }

    @Test
    void concurrentProducersNeverExceedCapacityAndLoseNothingUncounted() throws Exception {
        RequestLogBuffer buffer = new RequestLogBuffer(5_000, signals::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 2_000; i++) {
                    buffer.add(attempt().build());
                }
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        assertEquals(5_000, buffer.depth());
        assertEquals(16_000 - 5_000, buffer.dropped());
        assertEquals(5_000, buffer.drain(100_000).size());
    }

    @Test
    void rejectsANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new RequestLogBuffer(0, signals::add));
    }
}
