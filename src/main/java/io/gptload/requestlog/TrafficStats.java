package io.gptload.requestlog;

import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Traffic counts for the dashboard: final request logs in a time range, and sums of
 * {@code group_hourly_stats} overall or per hour bucket. Times are the JVM's local date-times, as
 * the writer stores them; ranges are half-open {@code [from, to)}; values are always bound.
 */
@ApplicationScoped
public class TrafficStats {

    /** Successful and failed requests. */
    public record Counts(long success, long failure) {

        public static final Counts NONE = new Counts(0, 0);

        public long total() {
            return success + failure;
        }
    }

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;

    protected TrafficStats() {
        this.connections = null;
        this.dialect = null;
    }

    @Inject
    public TrafficStats(Database database) {
        this(database::connection, database::dialect);
    }

    TrafficStats(SqlConnections connections, Supplier<Dialect> dialect) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Final (not retry) request logs with {@code from <= timestamp < to}. */
    public long finalRequests(LocalDateTime from, LocalDateTime to) {
        Dialect d = dialect.get();
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(finalRequestsSql(d))) {
            Sql.setTime(ps, 1, from, d);
            Sql.setTime(ps, 2, to, d);
            ps.setString(3, "final");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new RequestLogQueryException("counting final request logs", e);
        }
    }

    /**
     * H2 walks the {@code request_type} index for this count ('final' is nearly every row: 1.5 s
     * at 1,000,000 rows, twice per dashboard load) unless told to use the time index (~20 ms).
     */
    static String finalRequestsSql(Dialect d) {
        String ts = Sql.column(d, "timestamp");
        return "SELECT COUNT(*) FROM request_logs" + (d == Dialect.H2 ? " USE INDEX (idx_request_logs_timestamp)" : "")
                + " WHERE " + ts + " >= ? AND " + ts + " < ? AND request_type = ?";
    }

    /** Sum of the hourly statistics with {@code from <= time < to}, leaving out {@code excludedGroups}. */
    public Counts hourlyTotal(LocalDateTime from, LocalDateTime to, Collection<Long> excludedGroups) {
        return hourly(from, to, null, excludedGroups, false).getOrDefault(from, Counts.NONE);
    }

    /**
     * Hourly statistics with {@code from <= time < to} summed per hour bucket, for one group
     * ({@code groupId} not null) or all groups but {@code excludedGroups}.
     */
    public Map<LocalDateTime, Counts> perHour(LocalDateTime from, LocalDateTime to, Long groupId,
                                              Collection<Long> excludedGroups) {
        return hourly(from, to, groupId, excludedGroups, true);
    }

    private Map<LocalDateTime, Counts> hourly(LocalDateTime from, LocalDateTime to, Long groupId,
                                              Collection<Long> excluded, boolean perHour) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Dialect d = dialect.get();
        String time = Sql.column(d, "time");
        List<Long> skip = excluded == null ? List.of() : List.copyOf(excluded);
        StringBuilder sql = new StringBuilder("SELECT ").append(perHour ? time + ", " : "")
                .append("COALESCE(SUM(success_count), 0), COALESCE(SUM(failure_count), 0) FROM group_hourly_stats WHERE ")
                .append(time).append(" >= ? AND ").append(time).append(" < ?");
        if (groupId != null) {
            sql.append(" AND group_id = ?");
        }
        if (!skip.isEmpty()) {
            sql.append(" AND group_id NOT IN (").append("?, ".repeat(skip.size() - 1)).append("?)");
        }
        if (perHour) {
            sql.append(" GROUP BY ").append(time);
        }
        Map<LocalDateTime, Counts> out = new TreeMap<>();
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Sql.setTime(ps, 1, from, d);
            Sql.setTime(ps, 2, to, d);
            int i = 3;
            if (groupId != null) {
                ps.setLong(i++, groupId);
            }
            for (Long id : skip) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int col = perHour ? 2 : 1;
                    LocalDateTime key = perHour ? rs.getTimestamp(1).toLocalDateTime() : from;
                    out.merge(key, new Counts(rs.getLong(col), rs.getLong(col + 1)),
                            (a, b) -> new Counts(a.success() + b.success(), a.failure() + b.failure()));
                }
            }
        } catch (SQLException e) {
            throw new RequestLogQueryException("reading hourly statistics", e);
        }
        return out;
    }
}
