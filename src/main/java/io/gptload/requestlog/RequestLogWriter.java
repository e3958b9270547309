package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the {@link RequestLogBuffer} in batches of 200; each batch is one transaction that inserts
 * the rows, bumps the keys' usage and adds the hourly statistics (spec §7, DECISIONS 18). A batch
 * that fails goes back to the front of the buffer. Rows the database refuses as such (a duplicate
 * id after a lost commit acknowledgement, a value it cannot store) are retried one by one and only
 * those are discarded. Failures are logged by SQLState only, never with values.
 */
@ApplicationScoped
public class RequestLogWriter {

    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());

    private enum Outcome { STORED, RETRY_LATER, REFUSED }

    private final RequestLogBuffer buffer;
    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong refused = new AtomicLong();

    protected RequestLogWriter() {
        this.buffer = null;
        this.connections = null;
        this.dialect = null;
        this.clock = null;
    }

    @Inject
    public RequestLogWriter(RequestLogBuffer buffer, Database database) {
        this(buffer, database::connection, database::dialect, Clock.systemDefaultZone());
    }

    RequestLogWriter(RequestLogBuffer buffer, SqlConnections connections, Supplier<Dialect> dialect, Clock clock) {
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the entries waiting when called (not those arriving meanwhile), stopping at the first
     * batch the database cannot take now.
     *
     * @return the number of entries stored
     */
    public int flush() {
        lock.lock();
        try {
            int target = buffer.depth();
            int done = 0;
            while (done < target) {
                List<Attempt> batch = buffer.drain(Math.min(RequestLogBuffer.BATCH, target - done));
                if (batch.isEmpty()) {
                    break;
                }
                Outcome outcome = write(batch);
                if (outcome == Outcome.STORED) {
                    buffer.stored(batch.size());
                } else if (outcome == Outcome.REFUSED) {
                    outcome = writeOneByOne(batch);
                } else {
                    buffer.requeueFront(batch);
                    buffer.flushFailed();
                }
                if (outcome == Outcome.RETRY_LATER) {
                    break;
                }
                done += batch.size();
            }
            return done;
        } finally {
            lock.unlock();
        }
    }

    /** Entries the database refused one by one and that were therefore discarded, since start. */
    public long refused() {
        return refused.get();
    }

    /** Final flush at shutdown: everything still buffered, as long as the database takes it. */
    @PreDestroy
    void flushAll() {
        while (buffer.depth() > 0 && flush() > 0) {
            // keep going while progress is made
        }
    }

    private Outcome writeOneByOne(List<Attempt> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Outcome one = write(List.of(batch.get(i)));
            if (one == Outcome.RETRY_LATER) {
                buffer.requeueFront(batch.subList(i, batch.size()));
                buffer.flushFailed();
                return Outcome.RETRY_LATER;
            }
            if (one == Outcome.REFUSED) {
                refused.incrementAndGet();
                LOG.warning("Request-log entry discarded: the database refused it on its own");
                buffer.refused(1);
            } else {
                buffer.stored(1);
            }
        }
        return Outcome.STORED;
    }

    private Outcome write(List<Attempt> batch) {
        LocalDateTime now = LocalDateTime.now(clock);
        try (Connection c = connections.open()) {
            Dialect d = dialect.get();
            c.setAutoCommit(false);
            try {
                LogRowInsert.insert(c, d, batch);
                KeyUsageUpdate.apply(c, d, batch, now);
                HourlyStatsUpsert.apply(c, d, batch, now);
                c.commit();
                return Outcome.STORED;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        } catch (SQLException e) {
            log(batch.size(), e);
            return refusedByData(e) ? Outcome.REFUSED : Outcome.RETRY_LATER;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Request-log flush failed ({0} entries kept): {1}",
                    new Object[] {batch.size(), e.getClass().getName()});
            return Outcome.RETRY_LATER;
        }
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint): retrying the same rows cannot help. */
    static boolean refusedByData(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; the transaction dies with it
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool
        }
    }

    private static void log(int entries, SQLException e) {
        LOG.log(Level.WARNING, "Request-log flush failed ({0} entries): {1} SQLState={2} vendorCode={3,number,#}",
                new Object[] {entries, e.getClass().getName(), e.getSQLState(), e.getErrorCode()});
    }
}
