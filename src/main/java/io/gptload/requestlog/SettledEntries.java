package io.gptload.requestlog;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many of the buffer's entries, counted in queue order since start, have left it for good
 * (stored, refused by the database, or dropped), and how many flushes failed: what a request waits
 * on when request logs are written synchronously ({@code request_log_write_interval_minutes = 0}).
 * Entries leave the queue from its front only, so the n-th entry added is settled once n have.
 */
final class SettledEntries {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private long settled;
    private long failures;
    private volatile boolean failing;

    /** {@code n} entries written by the writer: the database takes writes again. */
    void stored(int n) {
        failing = false;
        settle(n);
    }

    /** Since the last failed flush, no flush has stored anything: a request does not wait. */
    boolean failing() {
        return failing;
    }

    void settle(int n) {
        if (n <= 0) {
            return;
        }
        lock.lock();
        try {
            settled += n;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A flush could not write (the database unreachable): waiting requests give up on it. */
    void failed() {
        failing = true;
        lock.lock();
        try {
            failures++;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long failures() {
        lock.lock();
        try {
            return failures;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the first {@code count} entries are settled, a flush fails after
     * {@code failuresSeen} were counted, or {@code timeout} passes; true when they are settled.
     */
    boolean await(long count, long failuresSeen, long timeout, TimeUnit unit) throws InterruptedException {
        long left = unit.toNanos(timeout);
        lock.lock();
        try {
            while (settled < count) {
                if (failures > failuresSeen || left <= 0) {
                    return false;
                }
                left = progress.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
