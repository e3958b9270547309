package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batched retention on every dialect (each batch statement is checked on its real database;
 * PostgreSQL and MariaDB are skipped when their local server is not running).
 */
class RequestLogRetentionTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 1, 12, 0, 0);
    private TestDb db;

    @AfterEach
    void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private void insert(int count, LocalDateTime at) throws SQLException {
        String ts = Sql.column(db.dialect, "timestamp");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_logs (id, " + ts + ", group_id,"
                    + " is_success, status_code, duration, request_type, is_stream) VALUES (?, ?, 1, TRUE, 200, 5,"
                    + " 'final', FALSE)")) {
                for (int i = 0; i < count; i++) {
                    ps.setString(1, UUID.randomUUID().toString());
                    Sql.setTime(ps, 2, at.minusSeconds(i % 3600), db.dialect);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private long count() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM request_logs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Counts the statements the purge executes through a recording connection. */
    private RequestLogRetention retention(int batch, List<Integer> perStatement) {
        return new RequestLogRetention(() -> Recording.wrap(db.connect(), perStatement), () -> db.dialect, batch);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void deletesOnlyOldRowsInBatchesUntilAShortOne(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        insert(12_000, NOW.minusDays(8));
        insert(300, NOW.minusDays(6));
        List<Integer> perStatement = new ArrayList<>();
        long deleted = retention(5000, perStatement).purgeOlderThan(NOW.minusDays(7));
        assertEquals(12_000, deleted);
        assertEquals(List.of(5000, 5000, 2000), perStatement, "three bounded batches, the last one short");
        assertEquals(300, count(), "rows younger than the cut-off stay");
        assertEquals(0, retention(5000, perStatement).purgeOlderThan(NOW.minusDays(7)), "nothing left to delete");
    }

    @Test
    void anExactMultipleOfTheBatchEndsWithAnEmptyBatch() throws SQLException {
        db = TestDb.open(Dialect.H2);
        insert(10, NOW.minusDays(2));
        List<Integer> perStatement = new ArrayList<>();
        assertEquals(10, retention(5, perStatement).purgeOlderThan(NOW));
        assertEquals(List.of(5, 5, 0), perStatement);
        assertEquals(0, count());
    }

    @Test
    void theCutOffIsExclusive() throws SQLException {
        db = TestDb.open(Dialect.H2);
        insert(1, NOW);
        assertEquals(0, retention(5000, new ArrayList<>()).purgeOlderThan(NOW));
        assertEquals(1, retention(5000, new ArrayList<>()).purgeOlderThan(NOW.plusNanos(1_000_000)));
    }

    @Test
    void batchMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RequestLogRetention(() -> null, () -> Dialect.H2, 0));
    }

    /** A connection whose prepared statements report each update count to a list. */
    static final class Recording {
        private Recording() {
        }

        static Connection wrap(Connection real, List<Integer> perStatement) {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, m, args) -> {
                        Object r = invoke(m, real, args);
                        if (r instanceof PreparedStatement ps && "prepareStatement".equals(m.getName())) {
                            return statement(ps, perStatement);
                        }
                        return r;
                    });
        }

        private static PreparedStatement statement(PreparedStatement real, List<Integer> perStatement) {
            return (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(
                    PreparedStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class},
                    (proxy, m, args) -> {
                        Object r = invoke(m, real, args);
                        if ("executeUpdate".equals(m.getName())) {
                            perStatement.add((Integer) r);
                        }
                        return r;
                    });
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
