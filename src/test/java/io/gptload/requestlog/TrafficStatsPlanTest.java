package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.gptload.requestlog.H2Plans.scanCount;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.db.Dialect;
import io.gptload.shared.db.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's request count on the embedded database's real schema (all of spec §4's indexes):
 * with 'final' on nearly every row, H2 on its own walks the request_type index through the whole
 * table; the count must go through the time index and read only the range.
 */
class TrafficStatsPlanTest {

    @Test
    void theDashboardCountOnH2ReadsOnlyTheTimeRange() throws SQLException {
        String url = "jdbc:h2:mem:plan-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            SchemaMigrator.migrate(c);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO request_logs (id, timestamp, group_id, is_success, status_code, duration,"
                        + " request_type, is_stream) SELECT RANDOM_UUID(), DATEADD('SECOND', -X, TIMESTAMP '2025-02-01 12:00:00'),"
                        + " 1, TRUE, 200, 1, CASE WHEN MOD(X, 10) = 0 THEN 'retry' ELSE 'final' END, FALSE"
                        + " FROM SYSTEM_RANGE(1, 20000)");
                st.execute("ANALYZE");
            }
            LocalDateTime to = LocalDateTime.of(2025, 2, 1, 12, 0);
            LocalDateTime from = to.minusMinutes(10);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + TrafficStats.finalRequestsSql(Dialect.H2))) {
                bind(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String plan = rs.getString(1).toUpperCase(Locale.ROOT);
                    assertTrue(plan.contains("IDX_REQUEST_LOGS_TIMESTAMP"), plan);
                    assertTrue(scanCount(plan) <= 700, plan); // 600 rows in the range, not 20,000
                }
            }
            try (PreparedStatement ps = c.prepareStatement(TrafficStats.finalRequestsSql(Dialect.H2))) {
                bind(ps, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(540, rs.getLong(1)); // seconds 1..600 before noon, less every tenth (retries)
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, LocalDateTime from, LocalDateTime to) throws SQLException {
        ps.setObject(1, from);
        ps.setObject(2, to);
        ps.setString(3, "final");
    }
}
