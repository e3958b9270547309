package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import io.gptload.proxy.ProxyCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.logging.Logger;

/**
 * In-memory queue of attempts waiting to be written (DECISIONS 10, 18). The proxy thread only
 * appends to a lock-free deque; when the queue is full the oldest entry is dropped and counted.
 * Reaching a full batch wakes the writer's thread ({@link #awaitFullBatch}), once until the writer
 * drains.
 * <p>
 * When logs are written synchronously ({@code request_log_write_interval_minutes = 0}, spec §1
 * row 31, DECISIONS 18) a finished request wakes the writer at once and waits until its entries
 * are stored (at most {@link #SYNC_WAIT_SECONDS}, and no longer once a flush failed); requests
 * finishing together share one transaction. After a failed flush requests do not wait (nor wake
 * the writer) until a flush stores again: the writer's timer retries every few seconds. At a full
 * buffer (entries dropped while a batch is being written) a wait may end before the write.
 */
@ApplicationScoped
public class RequestLogBuffer {

    static final int CAPACITY = 100_000;
    static final int BATCH = 200;
    static final long SYNC_WAIT_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(RequestLogBuffer.class.getName());

    private final ConcurrentLinkedDeque<Attempt> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final int capacity;
    private final IntConsumer flushSignal;
    private final Semaphore fullBatch = new Semaphore(0);
    private final AtomicLong added = new AtomicLong();
    private final SettledEntries settled = new SettledEntries();
    private final Object order = new Object();
    private volatile boolean synchronous;

    public RequestLogBuffer() {
        this.capacity = CAPACITY;
        this.flushSignal = d -> fullBatch.release();
    }

    RequestLogBuffer(int capacity, IntConsumer flushSignal) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.flushSignal = Objects.requireNonNull(flushSignal, "flushSignal");
    }

    /**
     * Enqueues every attempt of a finished request. Never blocks, unless logs are written
     * synchronously: then it returns once they are stored (or could not be).
     */
    public void onCompleted(@Observes ProxyCompleted event) {
        if (!synchronous || settled.failing()) { // while the database refuses writes, the timer retries
            for (Attempt a : event.attempts()) {
                add(a);
            }
            return;
        }
        long failuresSeen = settled.failures();
        long last;
        // each entry is counted before it is appended, so the count read after this request's own
        // appends reaches at least the place of its last entry in the queue
        synchronized (order) {
            for (Attempt a : event.attempts()) {
                add(a);
            }
            last = added.get();
        }
        wakeWriter();
        try {
            if (!settled.await(last, failuresSeen, SYNC_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.fine("synchronous request log: not stored yet, the request goes on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a finished request waits until its log entries are stored. */
    public void synchronous(boolean on) {
        synchronous = on;
    }

    public boolean synchronous() {
        return synchronous;
    }

    /** Whether a finished request waits now: synchronous, and no failed flush since the last store. */
    boolean waitsForStorage() {
        return synchronous && !settled.failing();
    }

    /** {@code n} entries drained earlier were stored. */
    void stored(int n) {
        settled.stored(n);
    }

    /** {@code n} entries drained earlier were refused by the database (discarded). */
    void refused(int n) {
        settled.settle(n);
    }

    /** A flush could not write; the drained entries went back to the front. */
    void flushFailed() {
        settled.failed();
    }

    void add(Attempt attempt) {
        added.incrementAndGet();
        queue.addLast(attempt);
        int n = depth.incrementAndGet();
        if (n > capacity) {
            dropOldest();
        }
        if (n >= BATCH && signalled.compareAndSet(false, true)) {
            flushSignal.accept(n);
        }
    }

    /**
     * Waits until a full batch is waiting (signalled since the last drain) or {@code timeout}
     * passes; true when signalled. For the one thread that writes the log.
     */
    boolean awaitFullBatch(long timeout, TimeUnit unit) throws InterruptedException {
        boolean woken = fullBatch.tryAcquire(timeout, unit);
        fullBatch.drainPermits();
        return woken;
    }

    /** Wakes the thread waiting in {@link #awaitFullBatch} (to stop it). */
    void wakeWriter() {
        fullBatch.release();
    }

    /** Entries dropped because the buffer was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Entries currently waiting. */
    public int depth() {
        return Math.max(0, depth.get());
    }

    /** Removes up to {@code max} of the oldest entries, re-arming the early-flush signal. */
    List<Attempt> drain(int max) {
        signalled.set(false);
        List<Attempt> out = new ArrayList<>(Math.min(max, BATCH));
        Attempt a;
        while (out.size() < max && (a = queue.pollFirst()) != null) {
            depth.decrementAndGet();
            out.add(a);
        }
        return out;
    }

    /** Puts a batch that could not be written back in front, in its order; the capacity still holds. */
    void requeueFront(List<Attempt> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            queue.addFirst(batch.get(i));
            depth.incrementAndGet();
        }
        while (depth.get() > capacity && dropOldest()) {
            // the re-queued entries are the oldest, so they go first
        }
    }

    private boolean dropOldest() {
        if (queue.pollFirst() == null) {
            return false;
        }
        depth.decrementAndGet();
        dropped.incrementAndGet();
        settled.settle(1);
        return true;
    }
}
