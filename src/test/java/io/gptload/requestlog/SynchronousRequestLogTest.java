package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.ProxyCompleted;
import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code request_log_write_interval_minutes = 0}: a finished request returns from handing over its
 * log only once its entries are in the database, with the writer's own thread writing them; when
 * the database is unreachable it goes on after the failed flush, and the entries stay queued.
 */
class SynchronousRequestLogTest {

    private TestDb db;
    private final RequestLogBuffer buffer = new RequestLogBuffer(100_000, n -> { });
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean running = true;
    private Thread writerThread;

    private void open(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        RequestLogWriter writer = new RequestLogWriter(buffer, () -> {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
            return db.connect();
        }, () -> dialect, Clock.systemDefaultZone());
        writerThread = Thread.ofPlatform().name("test-log-writer").start(() -> { // as RequestLogFlusher does
            while (running) {
                try {
                    buffer.awaitFullBatch(5, TimeUnit.SECONDS);
                    writer.flush();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        running = false;
        buffer.wakeWriter();
        if (writerThread != null) {
            writerThread.join(10_000);
        }
        if (db != null) {
            db.close();
        }
    }

    private long stored(String id) throws SQLException {
        try (Connection c = db.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM request_logs WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eachRequestFindsItsOwnLogStoredWhenItGoesOn(Dialect dialect) throws Exception {
        open(dialect);
        buffer.synchronous(true);
        ExecutorService requests = Executors.newFixedThreadPool(16);
        try {
            List<Future<long[]>> seen = new ArrayList<>();
            for (int r = 0; r < 64; r++) {
                String retry = "r" + r;
                String fin = "f" + r;
                Callable<long[]> request = () -> {
                    buffer.onCompleted(new ProxyCompleted(List.of(attempt().id(retry).retry().build(),
                            attempt().id(fin).build())));
                    return new long[] {stored(retry), stored(fin)};
                };
                seen.add(requests.submit(request));
            }
            for (Future<long[]> f : seen) {
                long[] rows = f.get(60, TimeUnit.SECONDS);
                assertEquals(1, rows[0], "the retry is stored when the request goes on");
                assertEquals(1, rows[1], "the final attempt is stored when the request goes on");
            }
        } finally {
            requests.shutdownNow();
        }
        assertEquals(0, buffer.depth());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "H2")
    void anUnreachableDatabaseDoesNotHoldRequestsAndTheEntriesWait(Dialect dialect) throws Exception {
        open(dialect);
        buffer.synchronous(true);
        down.set(true);
        long t0 = System.nanoTime();
        buffer.onCompleted(new ProxyCompleted(List.of(attempt().id("a").build())));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs < RequestLogBuffer.SYNC_WAIT_SECONDS * 1000 - 1000,
                "the request went on after the failed flush, not after the full wait: " + waitedMs + " ms");
        assertEquals(1, buffer.depth());
        buffer.onCompleted(new ProxyCompleted(List.of(attempt().id("b").build()))); // no wait, no flush now
        assertEquals(2, buffer.depth());

        down.set(false);
        assertFalse(buffer.waitsForStorage(), "after the failed flush requests do not wait");
        buffer.wakeWriter(); // the writer's timer
        // the flush that stores again ends with its commit and then clears the failure: wait for
        // that, not for the queue to empty (it empties before the commit)
        for (int i = 0; i < 200 && !buffer.waitsForStorage(); i++) {
            Thread.sleep(50);
        }
        assertTrue(buffer.waitsForStorage(), "a flush stored again");
        assertEquals(0, buffer.depth());
        assertEquals(1, stored("a"));
        assertEquals(1, stored("b"));
        buffer.onCompleted(new ProxyCompleted(List.of(attempt().id("c").build())));
        assertEquals(1, stored("c"), "stored again before the request goes on");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "H2")
    void inBatchesARequestOnlyQueuesItsLog(Dialect dialect) throws Exception {
        open(dialect);
        assertFalse(buffer.synchronous());
        buffer.onCompleted(new ProxyCompleted(List.of(attempt().id("q").build())));
        assertEquals(1, buffer.depth());
        assertEquals(0, stored("q"));
    }
}
