package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per key of a batch, one statement: {@code request_count} grows by its successful attempts and
 * {@code last_used_at} moves to the latest of them, never backwards (spec §4.4, §7).
 */
final class KeyUsageUpdate {

    static final String SQL = "UPDATE api_keys SET request_count = request_count + ?,"
            + " last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at < ? THEN ? ELSE last_used_at END,"
            + " updated_at = ? WHERE id = ?";

    private record Usage(long count, LocalDateTime lastUsed) {

        Usage plus(LocalDateTime at) {
            return new Usage(count + 1, at.isAfter(lastUsed) ? at : lastUsed);
        }
    }

    private KeyUsageUpdate() {
    }

    static void apply(Connection c, Dialect dialect, List<Attempt> batch, LocalDateTime now) throws SQLException {
        Map<Long, Usage> perKey = new TreeMap<>();
        for (Attempt a : batch) {
            if (a.success() && a.keyId() > 0) {
                LocalDateTime at = LogRowInsert.timestampOf(a);
                perKey.merge(a.keyId(), new Usage(1, at), (old, one) -> old.plus(at));
            }
        }
        if (perKey.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            for (Map.Entry<Long, Usage> e : perKey.entrySet()) {
                ps.setLong(1, e.getValue().count());
                Sql.setTime(ps, 2, e.getValue().lastUsed(), dialect);
                Sql.setTime(ps, 3, e.getValue().lastUsed(), dialect);
                Sql.setTime(ps, 4, now, dialect);
                ps.setLong(5, e.getKey());
                ps.executeUpdate();
            }
        }
    }
}
