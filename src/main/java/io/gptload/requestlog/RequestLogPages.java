package io.gptload.requestlog;

import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Request logs for a paged table that must stay fast at millions of rows (the console's logs
 * page): the rows of one page (newest first, with the filters of {@code /api/logs}) and a count
 * that is exact without filters and capped with them, so a filter never counts a million rows.
 */
@ApplicationScoped
public class RequestLogPages {

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final ZoneId zone;

    protected RequestLogPages() {
        this.connections = null;
        this.dialect = null;
        this.zone = null;
    }

    @Inject
    public RequestLogPages(Database database) {
        this(database::connection, database::dialect, ZoneId.systemDefault());
    }

    RequestLogPages(SqlConnections connections, Supplier<Dialect> dialect, ZoneId zone) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The number of logs matching {@code filter}: exact without filters; with filters exact up to
     * {@code cap}, else {@code (cap, capped)}.
     */
    public LogCount count(LogFilter filter, long cap) {
        Objects.requireNonNull(filter, "filter must not be null");
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        LogFilterSql where = LogFilterSql.of(filter, dialect.get());
        boolean unfiltered = where.where().isEmpty();
        String sql = unfiltered ? "SELECT COUNT(*) FROM request_logs"
                : "SELECT COUNT(*) FROM (SELECT 1 AS one FROM request_logs" + where.where() + " LIMIT ?) matching";
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            int next = where.bind(ps);
            if (!unfiltered) {
                ps.setLong(next, cap + 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return unfiltered || n <= cap ? new LogCount(n, false) : new LogCount(cap, true);
            }
        } catch (SQLException e) {
            throw new RequestLogQueryException("request-log count", e);
        }
    }

    /**
     * Up to {@code limit} logs matching {@code filter} after skipping {@code offset}, newest first;
     * {@code counted}: this filter's {@link #count}, which chooses how the database finds them (and
     * spares the query when the page lies past an exact count).
     */
    public List<RequestLogView> page(LogFilter filter, LogCount counted, long offset, int limit,
                                     Function<String, String> decryptor) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(counted, "counted must not be null");
        Objects.requireNonNull(decryptor, "decryptor must not be null");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must not be negative and limit must be positive");
        }
        if (!counted.capped() && offset >= counted.value()) {
            // nothing there (e.g. a filter that matches nothing): its count already read the table,
            // and on an unindexed column the page query would read all of it again
            return List.of();
        }
        Dialect d = dialect.get();
        LogFilterSql where = LogFilterSql.of(filter, d);
        String sql = RequestLogRows.pageSql(d, filter, where, counted.value());
        try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = where.bind(ps);
            ps.setInt(i, limit);
            ps.setLong(i + 1, offset);
            List<RequestLogView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(RequestLogRows.read(rs, zone, decryptor));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new RequestLogQueryException("request-log page", e);
        }
    }
}
