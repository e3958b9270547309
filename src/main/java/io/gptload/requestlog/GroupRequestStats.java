package io.gptload.requestlog;

import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A group's request totals from {@code group_hourly_stats} (spec §1 row 37): the last {@code hours}
 * hourly buckets up to and including the current hour. An aggregate's rows are those credited to
 * it as parent.
 */
@ApplicationScoped
public class GroupRequestStats {

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final Clock clock;

    protected GroupRequestStats() {
        this.connections = null;
        this.dialect = null;
        this.clock = null;
    }

    @Inject
    public GroupRequestStats(Database database) {
        this(database::connection, database::dialect, Clock.systemDefaultZone());
    }

    GroupRequestStats(SqlConnections connections, Supplier<Dialect> dialect, Clock clock) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Totals over the hour buckets in {@code [end - hours, end)}, where {@code end} is the start of the next hour. */
    public RequestTotals lastHours(long groupId, int hours) throws SQLException {
        if (hours <= 0) {
            throw new IllegalArgumentException("hours must be positive: " + hours);
        }
        Dialect d = dialect.get();
        LocalDateTime end = LocalDateTime.now(clock).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        LocalDateTime start = end.minusHours(hours);
        String time = Sql.column(d, "time");
        String sql = "SELECT COALESCE(SUM(success_count), 0), COALESCE(SUM(failure_count), 0) FROM group_hourly_stats"
                + " WHERE group_id = ? AND " + time + " >= ? AND " + time + " < ?";
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, groupId);
            Sql.setTime(ps, 2, start, d);
            Sql.setTime(ps, 3, end, d);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long success = rs.getLong(1);
                long failed = rs.getLong(2);
                return new RequestTotals(success + failed, failed);
            }
        }
    }
}
