package io.gptload.requestlog;

import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Log retention (spec §1 row 32): deletes {@code request_logs} older than a cut-off in bounded
 * batches, each its own short transaction, until a batch comes back short. Ten million old rows
 * therefore never lock the table for long nor travel through memory. Hourly statistics are kept.
 */
@ApplicationScoped
public class RequestLogRetention {

    static final int BATCH = 5000;

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final int batch;

    protected RequestLogRetention() {
        this.connections = null;
        this.dialect = null;
        this.batch = BATCH;
    }

    @Inject
    public RequestLogRetention(Database database) {
        this(database::connection, database::dialect, BATCH);
    }

    RequestLogRetention(SqlConnections connections, Supplier<Dialect> dialect, int batch) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        this.batch = batch;
    }

    /**
     * Deletes every log whose {@code timestamp} is before {@code cutoff} (in the gateway's local
     * time, as the logs are written).
     *
     * @return the number of rows deleted
     */
    public long purgeOlderThan(LocalDateTime cutoff) throws SQLException {
        Objects.requireNonNull(cutoff, "cutoff");
        Dialect d = dialect.get();
        String sql = deleteBatch(d);
        long total = 0;
        try (Connection c = connections.open()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                while (true) {
                    Sql.setTime(ps, 1, cutoff, d);
                    ps.setInt(2, batch);
                    int n = ps.executeUpdate();
                    total += n;
                    if (n < batch) {
                        return total;
                    }
                }
            }
        }
    }

    /** One batch of at most {@code ?} rows older than {@code ?}, in the dialect's own form. */
    static String deleteBatch(Dialect d) {
        String ts = Sql.column(d, "timestamp");
        return switch (d) {
            case POSTGRESQL -> "DELETE FROM request_logs WHERE id IN (SELECT id FROM request_logs WHERE " + ts
                    + " < ? LIMIT ?)";
            case MYSQL -> "DELETE FROM request_logs WHERE " + ts + " < ? ORDER BY " + ts + " LIMIT ?";
            case H2 -> "DELETE FROM request_logs WHERE " + ts + " < ? LIMIT ?";
        };
    }
}
