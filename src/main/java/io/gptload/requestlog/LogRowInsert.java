package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;

/** Batch insert of attempts into {@code request_logs}, one row each with every column of spec §4.5. */
final class LogRowInsert {

    private LogRowInsert() {
    }

    static void insert(Connection c, Dialect dialect, List<Attempt> batch) throws SQLException {
        String sql = "INSERT INTO request_logs (id, " + Sql.column(dialect, "timestamp")
                + ", group_id, group_name, parent_group_id, parent_group_name, key_value, key_hash, model,"
                + " is_success, source_ip, status_code, request_path, duration, error_message, user_agent,"
                + " request_type, upstream_addr, is_stream, request_body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Attempt a : batch) {
                bind(ps, a, dialect);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Attempt a, Dialect dialect) throws SQLException {
        ps.setString(1, a.id());
        Sql.setTime(ps, 2, timestampOf(a), dialect);
        ps.setLong(3, a.groupId());
        ps.setString(4, Sql.text(a.groupName()));
        ps.setLong(5, a.parentGroupId());
        ps.setString(6, Sql.text(a.parentGroupName()));
        ps.setString(7, Sql.text(a.keyValue()));
        ps.setString(8, Sql.text(a.keyHash()));
        ps.setString(9, Sql.text(a.model()));
        ps.setBoolean(10, a.success());
        ps.setString(11, Sql.text(a.sourceIp()));
        ps.setInt(12, a.statusCode());
        ps.setString(13, Sql.text(a.requestPath()));
        ps.setLong(14, a.durationMs());
        ps.setString(15, Sql.text(a.errorMessage()));
        ps.setString(16, Sql.text(a.userAgent()));
        ps.setString(17, typeOf(a));
        ps.setString(18, Sql.text(a.upstreamAddr()));
        ps.setBoolean(19, a.stream());
        ps.setString(20, Sql.text(a.requestBody()));
    }

    static LocalDateTime timestampOf(Attempt a) {
        return a.timestamp() == null ? LocalDateTime.now() : a.timestamp();
    }

    static String typeOf(Attempt a) {
        return Attempt.RETRY.equals(a.requestType()) ? Attempt.RETRY : Attempt.FINAL;
    }
}
