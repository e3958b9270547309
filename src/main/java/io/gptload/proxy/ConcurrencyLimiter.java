package io.gptload.proxy;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * {@code MAX_CONCURRENT_REQUESTS} on {@code /proxy} only (DECISIONS 8): never queues. A permit is
 * held for the whole request, streamed body included, so the permits in use are the requests in
 * flight; once {@link #close() closed} (graceful shutdown) no new request is admitted.
 */
final class ConcurrencyLimiter {

    /** What {@link #tryEnter()} decided. */
    enum Admission { ADMITTED, BUSY, CLOSED }

    private static final long POLL_MILLIS = 50;

    private final int max;
    private final Semaphore permits;
    private volatile boolean closed;

    ConcurrencyLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /**
     * Takes a permit unless none is free or the limiter is closed. The closed flag is read after
     * the permit is taken, so a request admitted while {@link #awaitIdle} saw no one in flight is
     * impossible: it either counted as in flight or saw the flag.
     */
    Admission tryEnter() {
        if (!permits.tryAcquire()) {
            return closed ? Admission.CLOSED : Admission.BUSY;
        }
        if (closed) {
            permits.release();
            return Admission.CLOSED;
        }
        return Admission.ADMITTED;
    }

    void release() {
        permits.release();
    }

    /** Admits no new request from now on. */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    int inFlight() {
        return max - permits.availablePermits();
    }

    /** Waits until nothing is in flight or {@code timeout} has passed; true when idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
        }
        return true;
    }
}
