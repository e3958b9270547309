package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.db.TestDatabase.Backend;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaMigratorTest {

    /** The versions a complete migration records: V1, plus H2's column widening and newest-first log index. */
    private static List<String> applied(Backend backend, String v1) {
        return backend == Backend.H2 ? List.of(v1, "2|notes in code points", "3|request logs newest first")
                : List.of(v1);
    }

    private static final String UPSTREAMS = "[{\"url\":\"https://api.openai.com\",\"weight\":1}]";

    @ParameterizedTest
    @EnumSource(Backend.class)
    void createsTheGptLoadSchemaOnAnEmptyDatabase(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabase.open(backend); Connection c = db.connect()) {
            SchemaMigrator.migrate(c);

            new SchemaAssertions(c, backend).assertComplete(true);
            assertEquals(applied(backend, "1|gpt load schema"), versions(c));
            assertTrue(c.getAutoCommit(), "auto-commit restored");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void secondRunChangesNothing(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabase.open(backend); Connection c = db.connect()) {
            SchemaMigrator.migrate(c);
            String before = appliedAt(c);
            c.setAutoCommit(false);

            SchemaMigrator.migrate(c);

            assertFalse(c.getAutoCommit(), "caller's auto-commit mode restored");
            c.setAutoCommit(true);
            assertEquals(applied(backend, "1|gpt load schema"), versions(c));
            assertEquals(before, appliedAt(c));
            new SchemaAssertions(c, backend).assertComplete(true);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void adoptsATableSetGptLoadCreated(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabase.open(backend); Connection c = db.connect()) {
            SqlScript v1 = ScriptCatalog.load(db.dialect(), getClass().getClassLoader()).getFirst();
            TestDatabase.exec(c, v1.statements().get(1));
            assertTrue(v1.statements().get(1).contains("groups"), "statement 2 creates groups");
            TestDatabase.exec(c, olderApiKeysTable(backend));
            TestDatabase.exec(c, "CREATE INDEX idx_api_keys_group_id ON api_keys (group_id)");
            TestDatabase.exec(c, "INSERT INTO api_keys (key_value, group_id) VALUES ('sk-orphan', 999)");

            SchemaMigrator.migrate(c);

            new SchemaAssertions(c, backend).assertComplete(false);
            assertEquals(applied(backend, "1|gpt load schema (adopted existing schema)"), versions(c));
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT key_value, group_id, status, notes FROM api_keys")) {
                assertTrue(rs.next());
                assertEquals("sk-orphan", rs.getString(1));
                assertEquals(999, rs.getLong(2));
                assertEquals("active", rs.getString(3));
                assertFalse(rs.next());
            }
            SchemaMigrator.migrate(c);
            assertEquals(applied(backend, "x").size(), versions(c).size());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void storesJsonTextInGroupUpstreams(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabase.open(backend); Connection c = db.connect()) {
            SchemaMigrator.migrate(c);
            try (PreparedStatement ps = c.prepareStatement(insertGroup(backend))) {
                ps.setString(1, "g1");
                if (backend == Backend.POSTGRESQL) {
                    ps.setObject(2, UPSTREAMS, Types.OTHER);
                } else {
                    ps.setString(2, UPSTREAMS);
                }
                assertEquals(1, ps.executeUpdate());
            }
            assertEquals(UPSTREAMS, readUpstreams(c, backend, "g1").replace(" ", ""));
            assertGroupDefaults(c, backend);
        }
    }

    @Test
    void postgresJsonbTakesPlainStringsOnlyWithStringtypeUnspecified() throws Exception {
        try (TestDatabase db = TestDatabase.open(Backend.POSTGRESQL)) {
            try (Connection c = db.connect()) {
                SchemaMigrator.migrate(c);
                try (PreparedStatement ps = c.prepareStatement(insertGroup(Backend.POSTGRESQL))) {
                    ps.setString(1, "typed");
                    ps.setString(2, UPSTREAMS);
                    SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                    assertEquals("42804", e.getSQLState(), "column is jsonb but expression is varchar");
                }
            }
            try (Connection c = db.connect("stringtype=unspecified");
                    PreparedStatement ps = c.prepareStatement(insertGroup(Backend.POSTGRESQL))) {
                ps.setString(1, "untyped");
                ps.setString(2, UPSTREAMS);
                assertEquals(1, ps.executeUpdate());
                assertEquals(UPSTREAMS, readUpstreams(c, Backend.POSTGRESQL, "untyped").replace(" ", ""));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"POSTGRESQL", "MARIADB"})
    void nodesStartingTogetherApplyEachScriptOnce(Backend backend) throws Exception {
        try (TestDatabase db = TestDatabase.open(backend)) {
            int nodes = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < nodes; i++) {
                    runs.add(pool.submit(() -> {
                        try (Connection c = db.connect()) {
                            start.await();
                            SchemaMigrator.migrate(c);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    run.get();
                }
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connect()) {
                assertEquals(applied(backend, "1|gpt load schema"), versions(c));
                new SchemaAssertions(c, backend).assertComplete(true);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"H2", "POSTGRESQL"})
    void failureNamesScriptAndStatementAndKeepsTheVersionUnrecorded(Backend backend, @TempDir Path dir)
            throws Exception {
        String folder = backend == Backend.H2 ? "h2" : "postgresql";
        Path scripts = Files.createDirectories(dir.resolve("db/migration/" + folder));
        Files.writeString(scripts.resolve("index.txt"), "# test scripts\nV1__base.sql\n\nV2__broken.sql\n");
        Files.writeString(scripts.resolve("V1__base.sql"), "CREATE TABLE base_t (\n  id INT\n);\n");
        Files.writeString(scripts.resolve("V2__broken.sql"),
                "-- first one is fine\nCREATE TABLE half_t (id INT);\nCREATE TABLE oops_t (id NOSUCHTYPE);\n");
        try (TestDatabase db = TestDatabase.open(backend); Connection c = db.connect();
                URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SchemaMigrator.migrate(c, loader));

            assertTrue(e.getMessage().contains("db/migration/" + folder + "/V2__broken.sql"), e.getMessage());
            assertTrue(e.getMessage().contains("statement 2"), e.getMessage());
            assertEquals(List.of("1|base"), versions(c));
            assertTrue(c.getAutoCommit());
            if (backend == Backend.POSTGRESQL) {
                assertFalse(new SchemaInspector(c, Dialect.POSTGRESQL).table("half_t").isPresent(),
                        "PostgreSQL rolls the failed script back as a whole");
            }
        }
    }

    @Test
    void refusesAnUnknownDatabase() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Dialect.of("Oracle"));
        assertTrue(e.getMessage().contains("Oracle"));
        assertEquals(Dialect.MYSQL, Dialect.of("MariaDB"));
        assertEquals(Dialect.MYSQL, Dialect.of("MySQL"));
        assertEquals(Dialect.POSTGRESQL, Dialect.of("PostgreSQL"));
        assertEquals(Dialect.H2, Dialect.of("H2"));
    }

    private static String insertGroup(Backend backend) {
        String table = backend == Backend.MARIADB ? "`groups`" : "\"groups\"";
        return "INSERT INTO " + table + " (name, upstreams, channel_type, test_model) VALUES (?, ?, 'openai', 'gpt-4o-mini')";
    }

    private static String readUpstreams(Connection c, Backend backend, String name) throws SQLException {
        String table = backend == Backend.MARIADB ? "`groups`" : "\"groups\"";
        try (PreparedStatement ps = c.prepareStatement("SELECT upstreams FROM " + table + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static void assertGroupDefaults(Connection c, Backend backend) throws SQLException {
        String table = backend == Backend.MARIADB ? "`groups`" : "\"groups\"";
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT group_type, sort, model_redirect_strict FROM " + table)) {
            assertTrue(rs.next());
            assertEquals("standard", rs.getString(1));
            assertEquals(0, rs.getLong(2));
            assertFalse(rs.getBoolean(3));
        }
    }

    /** api_keys as an older gpt-load left it: no key_hash, no notes, only one index. */
    private static String olderApiKeysTable(Backend backend) {
        return switch (backend) {
            case H2 -> "CREATE TABLE api_keys (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " key_value VARCHAR NOT NULL, group_id BIGINT NOT NULL,"
                    + " status VARCHAR(50) DEFAULT 'active' NOT NULL, request_count BIGINT DEFAULT 0 NOT NULL,"
                    + " failure_count BIGINT DEFAULT 0 NOT NULL, last_used_at TIMESTAMP(3),"
                    + " created_at TIMESTAMP(3), updated_at TIMESTAMP(3))";
            case POSTGRESQL -> "CREATE TABLE api_keys (id BIGSERIAL PRIMARY KEY, key_value TEXT NOT NULL,"
                    + " group_id BIGINT NOT NULL, status VARCHAR(50) NOT NULL DEFAULT 'active',"
                    + " request_count BIGINT NOT NULL DEFAULT 0, failure_count BIGINT NOT NULL DEFAULT 0,"
                    + " last_used_at TIMESTAMPTZ, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ)";
            case MARIADB -> "CREATE TABLE api_keys (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,"
                    + " key_value TEXT NOT NULL, group_id BIGINT UNSIGNED NOT NULL,"
                    + " status VARCHAR(50) NOT NULL DEFAULT 'active', request_count BIGINT NOT NULL DEFAULT 0,"
                    + " failure_count BIGINT NOT NULL DEFAULT 0, last_used_at DATETIME(3) NULL,"
                    + " created_at DATETIME(3) NULL, updated_at DATETIME(3) NULL)";
        };
    }

    private static List<String> versions(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version, description, applied_at FROM gptload_schema_version ORDER BY version")) {
            while (rs.next()) {
                assertTrue(rs.getTimestamp(3) != null, "applied_at recorded");
                rows.add(rs.getInt(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }

    private static String appliedAt(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT applied_at FROM gptload_schema_version")) {
            assertTrue(rs.next());
            return rs.getTimestamp(1).toString();
        }
    }
}
