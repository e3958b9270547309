package io.gptload.requestlog;

import io.gptload.shared.PageRequest;
import io.gptload.shared.PageResult;
import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
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
 * Reads request logs for the API and the console: the filtered, paginated list (newest first) and
 * the CSV export of the distinct keys seen (spec §3.3). Values are always bound, never spliced.
 */
@ApplicationScoped
public class RequestLogQuery {

    static final String FAILED_TO_DECRYPT = "failed-to-decrypt";

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final ZoneId zone;

    protected RequestLogQuery() {
        this.connections = null;
        this.dialect = null;
        this.zone = null;
    }

    @Inject
    public RequestLogQuery(Database database) {
        this(database::connection, database::dialect, ZoneId.systemDefault());
    }

    RequestLogQuery(SqlConnections connections, Supplier<Dialect> dialect, ZoneId zone) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** One page of the logs matching {@code filter}, ordered by timestamp descending. */
    public PageResult<RequestLogView> find(LogFilter filter, int page, int pageSize,
                                           Function<String, String> decryptor) {
        return find(filter, new PageRequest(page, pageSize), decryptor);
    }

    /** One page of the logs matching {@code filter}, ordered by timestamp descending. */
    public PageResult<RequestLogView> find(LogFilter filter, PageRequest page, Function<String, String> decryptor) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(decryptor, "decryptor must not be null");
        Dialect d = dialect.get();
        LogFilterSql where = LogFilterSql.of(filter, d);
        try (Connection c = connections.open()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM request_logs" + where.where())) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<RequestLogView> items = new ArrayList<>();
            if (page.offset() < total) {
                try (PreparedStatement ps = c.prepareStatement(RequestLogRows.pageSql(d, filter, where, total))) {
                    int i = where.bind(ps);
                    ps.setInt(i, page.pageSize());
                    ps.setLong(i + 1, page.offset());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(RequestLogRows.read(rs, zone, decryptor));
                        }
                    }
                }
            }
            return PageResult.of(items, page, total);
        } catch (SQLException e) {
            throw new RequestLogQueryException("request-log query", e);
        }
    }

    /**
     * CSV {@code key_value,group_name,status_code} of each distinct key (by hash) in the logs matching
     * {@code filter}, from its latest log, ordered by hash; streamed row by row.
     */
    public void exportKeysCsv(LogFilter filter, Writer out, Function<String, String> decryptor) throws IOException {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(decryptor, "decryptor must not be null");
        Dialect d = dialect.get();
        LogFilterSql where = LogFilterSql.of(filter, d).and("key_hash IS NOT NULL").and("key_hash <> ''");
        String sql = "SELECT key_value, group_name, status_code FROM (SELECT key_value, key_hash, group_name,"
                + " status_code, ROW_NUMBER() OVER (PARTITION BY key_hash ORDER BY " + Sql.column(d, "timestamp")
                + " DESC, id DESC) AS rn FROM request_logs" + where.where() + ") ranked WHERE rn = 1"
                + " ORDER BY key_hash";
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(d == Dialect.MYSQL ? Integer.MIN_VALUE : 500);
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    out.write(CsvLine.of("key_value", "group_name", "status_code"));
                    while (rs.next()) {
                        out.write(CsvLine.of(RequestLogRows.decrypt(rs.getString(1), decryptor),
                                rs.getString(2), Integer.toString(rs.getInt(3))));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RequestLogQueryException("request-log export", e);
        }
        out.flush();
    }
}
