package io.gptload.requestlog;

import io.gptload.shared.db.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A {@link LogFilter} as a WHERE clause with bound parameters only; LIKE wildcards in values are escaped. */
final class LogFilterSql {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    private final Dialect dialect;

    private LogFilterSql(Dialect dialect) {
        this.dialect = dialect;
    }

    static LogFilterSql of(LogFilter f, Dialect dialect) {
        LogFilterSql w = new LogFilterSql(dialect);
        w.like("group_name", f.groupName());
        w.like("parent_group_name", f.parentGroupName());
        w.like("model", f.model());
        w.like("error_message", f.errorContains());
        w.equal("key_hash", f.keyHash());
        w.equal("is_success", f.isSuccess());
        w.equal("request_type", f.requestType());
        w.equal("status_code", f.statusCode());
        w.equal("source_ip", f.sourceIp());
        String ts = Sql.column(dialect, "timestamp");
        if (f.startTime() != null) {
            w.add(ts + " >= ?", LocalDateTime.ofInstant(f.startTime(), ZoneId.systemDefault()));
        }
        if (f.endTime() != null) {
            w.add(ts + " <= ?", LocalDateTime.ofInstant(f.endTime(), ZoneId.systemDefault()));
        }
        return w;
    }

    /** Adds a condition of the caller's own (no values inside). */
    LogFilterSql and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** {@code ""} or {@code " WHERE a AND b"}. */
    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** Binds the values from parameter 1 on; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : params) {
            switch (p) {
                case String s -> ps.setString(i, s);
                case Boolean b -> ps.setBoolean(i, b);
                case Integer n -> ps.setInt(i, n);
                case LocalDateTime t -> Sql.setTime(ps, i, t, dialect);
                default -> throw new IllegalStateException("unexpected parameter type " + p.getClass());
            }
            i++;
        }
        return i;
    }

    static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private void like(String column, String value) {
        if (value != null) {
            add(column + " LIKE ? ESCAPE '!'", "%" + escapeLike(value) + "%");
        }
    }

    private void equal(String column, Object value) {
        if (value != null) {
            add(column + " = ?", value);
        }
    }

    private void add(String clause, Object param) {
        clauses.add(clause);
        params.add(param);
    }
}
