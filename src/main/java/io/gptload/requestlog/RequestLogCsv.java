package io.gptload.requestlog;

import io.gptload.shared.Secret;
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
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The request logs matching a filter as CSV, newest first, one line per log, streamed row by row
 * from the database (the console's export). Keys are masked: the file never holds a full key.
 */
@ApplicationScoped
public class RequestLogCsv {

    /** The header line's columns. */
    static final String[] HEADER = {"timestamp", "group", "parent_group", "key", "model", "status_code",
        "success", "duration_ms", "request_type", "source_ip", "error"};

    private final SqlConnections connections;
    private final Supplier<Dialect> dialect;
    private final ZoneId zone;

    protected RequestLogCsv() {
        this.connections = null;
        this.dialect = null;
        this.zone = null;
    }

    @Inject
    public RequestLogCsv(Database database) {
        this(database::connection, database::dialect, ZoneId.systemDefault());
    }

    RequestLogCsv(SqlConnections connections, Supplier<Dialect> dialect, ZoneId zone) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Writes the header and every log matching {@code filter}; flushes {@code out} at the end. */
    public void write(LogFilter filter, Writer out, Function<String, String> decryptor) throws IOException {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(decryptor, "decryptor must not be null");
        Dialect d = dialect.get();
        LogFilterSql where = LogFilterSql.of(filter, d);
        String ts = Sql.column(d, "timestamp");
        String sql = RequestLogRows.SELECT + ts + RequestLogRows.SELECT_REST + " FROM request_logs" + where.where()
                + " ORDER BY " + ts + " DESC, id DESC";
        try (Connection c = connections.open()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(d == Dialect.MYSQL ? Integer.MIN_VALUE : 500);
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    out.write(CsvLine.of(HEADER));
                    while (rs.next()) {
                        out.write(line(RequestLogRows.read(rs, zone, decryptor)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RequestLogQueryException("request-log CSV export", e);
        }
        out.flush();
    }

    /** One log as a CSV line, its key masked. */
    static String line(RequestLogView log) {
        return CsvLine.of(log.timestamp().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), log.groupName(),
                log.parentGroupName(), maskedKey(log.keyValue()), log.model(), Integer.toString(log.statusCode()),
                Boolean.toString(log.isSuccess()), Long.toString(log.durationMs()), log.requestType(),
                log.sourceIp(), log.errorMessage());
    }

    /** The key as tables and files show it: masked; empty when the log has no key. */
    public static String maskedKey(String key) {
        if (key == null || key.isEmpty() || RequestLogQuery.FAILED_TO_DECRYPT.equals(key)) {
            return key == null ? "" : key;
        }
        return Secret.mask(key);
    }
}
