package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.T0;
import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.Attempt;
import io.gptload.proxy.ProxyCompleted;
import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestLogWriterTest {

    private TestDb db;
    private final RequestLogBuffer buffer = new RequestLogBuffer(100_000, n -> { });
    private final AtomicBoolean down = new AtomicBoolean();
    private RequestLogWriter writer;

    private void open(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        writer = new RequestLogWriter(buffer, () -> {
            if (down.get()) {
                throw new SQLTransientConnectionException("connection refused", "08001");
            }
            return db.connect();
        }, () -> dialect, Clock.systemDefaultZone());
        db.exec("INSERT INTO " + db.groups() + " (id, name, upstreams, channel_type, test_model)"
                + " VALUES (2, 'g2', '[]', 'openai', 'm')");
        for (int id = 1; id <= 3; id++) {
            db.exec("INSERT INTO api_keys (id, key_value, key_hash, group_id) VALUES (" + id + ", 'k', 'h', 2)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private void completed(AttemptBuilder... attempts) {
        List<Attempt> list = new ArrayList<>();
        for (AttemptBuilder a : attempts) {
            list.add(a.build());
        }
        buffer.onCompleted(new ProxyCompleted(list));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** (hour, group) ⇒ "success/failure". */
    private Map<String, String> stats() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        String sql = "SELECT " + Sql.column(db.dialect, "time") + ", group_id, success_count, failure_count"
                + " FROM group_hourly_stats";
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getTimestamp(1).toLocalDateTime().toLocalTime() + "#" + rs.getLong(2),
                        rs.getLong(3) + "/" + rs.getLong(4));
            }
        }
        return out;
    }

    private Object[] key(long id) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT request_count, last_used_at FROM api_keys WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(2);
                return new Object[] {rs.getLong(1), t == null ? null : t.toLocalDateTime()};
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flushStoresEveryColumn(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().id("11111111-2222-4333-8444-555555555555").group(2, "g2").parent(9, "agg")
                .key(1, "a1b2c3", "hash-1").model("gpt-4o-mini").failed(503, "upstream said \"no\"")
                .ip("203.0.113.9").path("/proxy/agg/v1/chat/completions?x=1").ms(1234).userAgent("curl/8")
                .upstream("https://up.test/v1/chat/completions").stream().body("{\"model\":\"gpt-4o-mini\"}"));

        assertEquals(1, writer.flush());

        String sql = "SELECT id, " + Sql.column(dialect, "timestamp") + ", group_id, group_name, parent_group_id,"
                + " parent_group_name, key_value, key_hash, model, is_success, source_ip, status_code, request_path,"
                + " duration, error_message, user_agent, request_type, upstream_addr, is_stream, request_body"
                + " FROM request_logs";
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals("11111111-2222-4333-8444-555555555555", rs.getString(1));
            assertEquals(T0, rs.getTimestamp(2).toLocalDateTime());
            assertEquals(2, rs.getLong(3));
            assertEquals("g2", rs.getString(4));
            assertEquals(9, rs.getLong(5));
            assertEquals("agg", rs.getString(6));
            assertEquals("a1b2c3", rs.getString(7));
            assertEquals("hash-1", rs.getString(8));
            assertEquals("gpt-4o-mini", rs.getString(9));
            assertFalse(rs.getBoolean(10));
            assertEquals("203.0.113.9", rs.getString(11));
            assertEquals(503, rs.getInt(12));
            assertEquals("/proxy/agg/v1/chat/completions?x=1", rs.getString(13));
            assertEquals(1234, rs.getLong(14));
            assertEquals("upstream said \"no\"", rs.getString(15));
            assertEquals("curl/8", rs.getString(16));
            assertEquals("final", rs.getString(17));
            assertEquals("https://up.test/v1/chat/completions", rs.getString(18));
            assertTrue(rs.getBoolean(19));
            assertEquals("{\"model\":\"gpt-4o-mini\"}", rs.getString(20));
            assertFalse(rs.next());
        }
        assertEquals(0, buffer.depth());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void retryAndFinalOfOneRequest(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().id("r").key(1, "k1", "h1").failed(429, "rate limited").retry(),
                attempt().id("f").key(2, "k2", "h2").at(T0.plusSeconds(1)));

        assertEquals(2, writer.flush());

        assertEquals(1, count("SELECT COUNT(*) FROM request_logs WHERE id = 'r' AND request_type = 'retry'"));
        assertEquals(1, count("SELECT COUNT(*) FROM request_logs WHERE id = 'f' AND request_type = 'final'"));
        assertEquals(Map.of("10:00#2", "1/0"), stats(), "only the final attempt is counted");
        assertEquals(0L, key(1)[0]);
        assertNull(key(1)[1]);
        assertEquals(1L, key(2)[0]);
        assertEquals(T0.plusSeconds(1), key(2)[1]);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void hourlyStatsAccumulateAcrossFlushesAndCreditTheParent(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().parent(10, "agg").at(T0.withMinute(15)));
        completed(attempt().parent(10, "agg").at(T0.withMinute(40)).failed(500, "x"));
        completed(attempt().group(3, "g3").at(T0.withMinute(59)));
        writer.flush();
        completed(attempt().parent(10, "agg").at(T0.withMinute(50)));
        completed(attempt().parent(10, "agg").at(T0.plusHours(1).withMinute(5)).failed(502, "y"));
        completed(attempt().parent(10, "agg").failed(500, "retried").retry());
        writer.flush();

        assertEquals(Map.of("10:00#2", "2/1", "10:00#10", "2/1", "10:00#3", "1/0",
                "11:00#2", "0/1", "11:00#10", "0/1"), stats());
        assertEquals(6, count("SELECT COUNT(*) FROM request_logs"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void keyUsageCountsSuccessesOnlyAndLastUsedNeverGoesBack(Dialect dialect) throws Exception {
        open(dialect);
        LocalDateTime noon = T0.withHour(12).withMinute(0).withSecond(0).withNano(0);
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.valueOf(noon));
            ps.executeUpdate();
        }
        completed(attempt().key(1, "k1", "h1").at(noon.minusHours(1)));
        completed(attempt().key(1, "k1", "h1").at(noon.minusHours(2)));
        completed(attempt().key(1, "k1", "h1").at(noon.plusHours(5)).failed(401, "bad key"));
        completed(attempt().key(2, "k2", "h2").failed(500, "x").retry(), attempt().key(0, "", "").failed(503, "none"));
        writer.flush();
        assertEquals(2L, key(1)[0]);
        assertEquals(noon, key(1)[1], "an older success never moves last_used_at back");
        assertEquals(0L, key(2)[0]);

        completed(attempt().key(1, "k1", "h1").at(noon.plusHours(1)));
        writer.flush();
        assertEquals(3L, key(1)[0]);
        assertEquals(noon.plusHours(1), key(1)[1]);
        assertEquals(0L, key(3)[0]);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failingConnectionKeepsEntriesAndALaterFlushStoresThemOnce(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().id("a"), attempt().id("b"));
        completed(attempt().id("c"));
        down.set(true);

        assertEquals(0, writer.flush());
        assertEquals(3, buffer.depth());
        completed(attempt().id("d"));

        down.set(false);
        assertEquals(4, writer.flush());
        assertEquals(0, writer.flush());
        assertEquals(4, count("SELECT COUNT(*) FROM request_logs"));
        assertEquals(1L * 4, key(1)[0]);
        assertEquals(Map.of("10:00#2", "4/0"), stats());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failureInsideTheTransactionRollsBackEverythingAndRetries(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().id("a"), attempt().id("b"));
        db.exec("ALTER TABLE group_hourly_stats RENAME TO ghs_away");

        assertEquals(0, writer.flush());
        assertEquals(0, count("SELECT COUNT(*) FROM request_logs"), "the insert was rolled back");
        assertEquals(0L, key(1)[0]);
        assertEquals(2, buffer.depth());

        db.exec("ALTER TABLE ghs_away RENAME TO group_hourly_stats");
        assertEquals(2, writer.flush());
        assertEquals(2, count("SELECT COUNT(*) FROM request_logs"));
        assertEquals(2L, key(1)[0]);
        assertEquals(Map.of("10:00#2", "2/0"), stats());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowsAlreadyStoredAreDiscardedAloneWithoutCountingTwice(Dialect dialect) throws Exception {
        open(dialect);
        completed(attempt().id("dup"));
        writer.flush();
        completed(attempt().id("new-1"), attempt().id("dup"), attempt().id("new-2"));

        assertEquals(3, writer.flush());

        assertEquals(1, writer.refused());
        assertEquals(3, count("SELECT COUNT(*) FROM request_logs"));
        assertEquals(3L, key(1)[0]);
        assertEquals(Map.of("10:00#2", "3/0"), stats());
        assertEquals(0, buffer.depth());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void largeBacklogIsWrittenInSeveralBatches(Dialect dialect) throws Exception {
        open(dialect);
        for (int i = 0; i < 450; i++) {
            completed(attempt().key(1 + i % 3, "k", "h").at(T0.plusSeconds(i)));
        }
        assertEquals(450, writer.flush());
        assertEquals(450, count("SELECT COUNT(*) FROM request_logs"));
        assertEquals(150L, key(3)[0]);
        assertEquals(T0.plusSeconds(449), key(3)[1]);
        assertEquals(Map.of("10:00#2", "450/0"), stats());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "H2")
    void finalFlushDrainsEverythingAndStopsWhenTheDatabaseIsGone(Dialect dialect) throws Exception {
        open(dialect);
        for (int i = 0; i < 250; i++) {
            completed(attempt());
        }
        writer.flushAll();
        assertEquals(250, count("SELECT COUNT(*) FROM request_logs"));

        completed(attempt());
        down.set(true);
        writer.flushAll();
        assertEquals(1, buffer.depth());
    }
}
