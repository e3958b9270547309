package io.gptload.requestlog;

import io.gptload.shared.db.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.function.Function;

/** Maps {@code request_logs} rows to {@link RequestLogView}s. */
final class RequestLogRows {

    /** Select list, split around the quoted timestamp column. */
    static final String SELECT = "SELECT id, ";
    static final String SELECT_REST = ", group_id, group_name, parent_group_id, parent_group_name, key_value,"
            + " key_hash, model, is_success, source_ip, status_code, request_path, duration, error_message,"
            + " user_agent, request_type, upstream_addr, is_stream, request_body";

    private RequestLogRows() {
    }

    /** Below this many matches a type filter reads its own index (and sorts what it finds). */
    static final long FEW_MATCHES = 1_000;

    /**
     * One page of the logs matching {@code filter}, newest first: {@code where}'s values are bound
     * first, then the page size and the offset. {@code matches}: how many logs match, at least (the
     * count the caller took). On H2 a page walks the newest-first index and stops at its last row,
     * unless the filter names a key, or a request type with fewer than {@link #FEW_MATCHES} logs:
     * those are found faster through their own index. On its own H2 picks the {@code request_type}
     * index for any type filter and sorts every row of that type (5 % of 1,000,000 rows: 1.4-2.5 s
     * for the first page, against 3 ms walking the newest-first index); but walking for a rare type
     * would read the whole table.
     */
    static String pageSql(Dialect d, LogFilter filter, LogFilterSql where, long matches) {
        String ts = Sql.column(d, "timestamp");
        boolean walkNewestFirst = d == Dialect.H2 && filter.keyHash() == null
                && (filter.requestType() == null || matches >= FEW_MATCHES);
        return SELECT + ts + SELECT_REST + " FROM request_logs"
                + (walkNewestFirst ? " USE INDEX (idx_request_logs_timestamp_desc)" : "")
                + where.where() + " ORDER BY " + ts + " DESC, id DESC LIMIT ? OFFSET ?";
    }

    static RequestLogView read(ResultSet rs, ZoneId zone, Function<String, String> decryptor) throws SQLException {
        return new RequestLogView(rs.getString(1),
                rs.getTimestamp(2).toInstant().atZone(zone).toOffsetDateTime(),
                rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                decrypt(rs.getString(7), decryptor), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getString(11), rs.getInt(12), rs.getString(13), rs.getLong(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18), rs.getBoolean(19), rs.getString(20));
    }

    /** The plaintext of a stored key value; {@code ""} stays empty, a failure reads {@code failed-to-decrypt}. */
    static String decrypt(String stored, Function<String, String> decryptor) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        try {
            return decryptor.apply(stored);
        } catch (RuntimeException e) {
            return RequestLogQuery.FAILED_TO_DECRYPT;
        }
    }
}
