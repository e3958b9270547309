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
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page of the logs on the embedded database's real schema (all of spec §4's indexes and the
 * newest-first one): a filter on a common request type must walk the newest-first index and stop at
 * the page's last row, not gather and sort every row of that type; a rare type and a key keep their
 * own index.
 */
class RequestLogPagesPlanTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2025, 2, 1, 12, 0);
    private static final String HOT_KEY = "hash-3";

    private Connection keepOpen;
    private String url;

    @BeforeEach
    void twentyThousandLogs() throws SQLException {
        url = "jdbc:h2:mem:pages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepOpen = DriverManager.getConnection(url, "sa", "");
        SchemaMigrator.migrate(keepOpen);
        try (Statement st = keepOpen.createStatement()) {
            // one log a second before noon; every tenth a retry; keys hash-0 .. hash-99 in turn
            st.execute("INSERT INTO request_logs (id, timestamp, group_id, group_name, key_hash, is_success,"
                    + " status_code, duration, request_type, is_stream) SELECT RANDOM_UUID(),"
                    + " DATEADD('SECOND', -X, TIMESTAMP '2025-02-01 12:00:00'), 1, 'g', 'hash-' || MOD(X, 100),"
                    + " TRUE, 200, X, CASE WHEN MOD(X, 10) = 0 THEN 'retry' ELSE 'final' END, FALSE"
                    + " FROM SYSTEM_RANGE(1, 20000)");
            st.execute("ANALYZE");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement st = keepOpen.createStatement()) {
            st.execute("DROP ALL OBJECTS");
        }
        keepOpen.close();
    }

    @Test
    void aTypeFilterWalksTheNewestFirstIndexAndStopsAtThePage() throws SQLException {
        LogFilter retries = new LogFilter(null, null, null, null, null, null, "retry", null, null, null, null);
        String plan = explain(retries, 2_000, 20, 0);
        assertTrue(plan.contains("IDX_REQUEST_LOGS_TIMESTAMP_DESC"), plan);
        assertTrue(scanCount(plan) <= 250, plan); // 20 retries among the newest 200 rows, not all 2,000 sorted

        List<RequestLogView> page = pages().page(retries, new LogCount(2_000, false), 0, 20, s -> s);
        assertEquals(20, page.size());
        for (int i = 0; i < page.size(); i++) { // seconds 10, 20, ... 200 before noon, newest first
            assertEquals(NOON.minusSeconds(10L * (i + 1)), page.get(i).timestamp().toLocalDateTime());
            assertEquals("retry", page.get(i).requestType());
        }
        List<RequestLogView> later = pages().page(retries, new LogCount(2_000, false), 1_990, 20, s -> s);
        assertEquals(10, later.size()); // the oldest ten of the 2,000 retries
        assertEquals(NOON.minusSeconds(20_000), later.getLast().timestamp().toLocalDateTime());
    }

    @Test
    void aKeyFilterKeepsTheKeysIndex() throws SQLException {
        LogFilter key = new LogFilter(null, null, null, null, HOT_KEY, null, null, null, null, null, null);
        String plan = explain(key, 200, 20, 0);
        assertTrue(plan.contains("IDX_REQUEST_LOGS_KEY_HASH"), plan);
        assertTrue(scanCount(plan) <= 250, plan); // the key's 200 rows, not a walk through the table

        List<RequestLogView> page = pages().page(key, new LogCount(200, false), 0, 20, s -> s);
        assertEquals(20, page.size());
        assertEquals(NOON.minusSeconds(3), page.getFirst().timestamp().toLocalDateTime());
        assertEquals(NOON.minusSeconds(103), page.get(1).timestamp().toLocalDateTime());
    }

    @Test
    void aRareTypeKeepsItsOwnIndexInsteadOfWalkingTheTable() throws SQLException {
        try (Statement st = keepOpen.createStatement()) {
            st.execute("DELETE FROM request_logs WHERE request_type = 'retry' AND MOD(duration, 400) <> 0");
            st.execute("ANALYZE");
        }
        LogFilter retries = new LogFilter(null, null, null, null, null, null, "retry", null, null, null, null);
        LogCount counted = pages().count(retries, 1_000);
        assertEquals(new LogCount(50, false), counted);
        String plan = explain(retries, counted.value(), 20, 0);
        assertTrue(plan.contains("IDX_REQUEST_LOGS_REQUEST_TYPE"), plan);
        assertTrue(scanCount(plan) <= 60, plan); // the 50 retries, not a walk through 18,050 rows

        List<RequestLogView> page = pages().page(retries, counted, 0, 20, s -> s);
        assertEquals(20, page.size());
        assertEquals(NOON.minusSeconds(400), page.getFirst().timestamp().toLocalDateTime());
        assertEquals(NOON.minusSeconds(800), page.get(1).timestamp().toLocalDateTime());
    }

    @Test
    void theApiListingCountsExactlyAndPagesNewestFirst() {
        LogFilter retries = new LogFilter(null, null, null, null, null, null, "retry", null, null, null, null);
        RequestLogQuery query = new RequestLogQuery(() -> DriverManager.getConnection(url, "sa", ""),
                () -> Dialect.H2, ZoneId.systemDefault());
        var result = query.find(retries, 3, 10, s -> s);
        assertEquals(2_000, result.totalItems());
        assertEquals(NOON.minusSeconds(210), result.items().getFirst().timestamp().toLocalDateTime());
    }

    private RequestLogPages pages() {
        return new RequestLogPages(() -> DriverManager.getConnection(url, "sa", ""), () -> Dialect.H2,
                ZoneId.systemDefault());
    }

    private String explain(LogFilter filter, long matches, int limit, long offset) throws SQLException {
        LogFilterSql where = LogFilterSql.of(filter, Dialect.H2);
        try (PreparedStatement ps = keepOpen.prepareStatement(
                "EXPLAIN ANALYZE " + RequestLogRows.pageSql(Dialect.H2, filter, where, matches))) {
            int next = where.bind(ps);
            ps.setInt(next, limit);
            ps.setLong(next + 1, offset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).toUpperCase(Locale.ROOT);
            }
        }
    }
}
