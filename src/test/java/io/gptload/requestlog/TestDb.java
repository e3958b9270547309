package io.gptload.requestlog;

import io.gptload.shared.db.Dialect;
import io.gptload.shared.db.SchemaMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A private, empty gpt-load schema on H2 (in memory), PostgreSQL or MariaDB/MySQL, created for one
 * test and dropped after it, made by the real schema migrations of that database (every index the
 * gateway's own database has). Unreachable servers skip the test.
 */
final class TestDb implements AutoCloseable {

    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?stringtype=unspecified";
    static final String MY = "jdbc:mysql://127.0.0.1:3306/%s?sslMode=DISABLED&allowPublicKeyRetrieval=true";

    final Dialect dialect;
    private final String name = "rl_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private TestDb(Dialect dialect) {
        this.dialect = dialect;
    }

    static TestDb open(Dialect dialect) throws SQLException {
        TestDb db = new TestDb(dialect);
        try (Connection admin = db.admin()) {
            try (Statement st = admin.createStatement()) {
                switch (dialect) {
                    case POSTGRESQL -> st.execute("CREATE SCHEMA " + db.name);
                    case MYSQL -> st.execute("CREATE DATABASE " + db.name + " CHARACTER SET utf8mb4");
                    case H2 -> { }
                }
            }
        }
        try (Connection c = db.connect()) {
            SchemaMigrator.migrate(c);
        }
        return db;
    }

    Connection connect() throws SQLException {
        return switch (dialect) {
            case H2 -> DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL -> DriverManager.getConnection(PG + "&currentSchema=" + name, "postgres", "");
            case MYSQL -> DriverManager.getConnection(MY.formatted(name), "root", "");
        };
    }

    private Connection admin() throws SQLException {
        try {
            return switch (dialect) {
                case H2 -> connect();
                case POSTGRESQL -> DriverManager.getConnection(PG, "postgres", "");
                case MYSQL -> DriverManager.getConnection(MY.formatted(""), "root", "");
            };
        } catch (SQLException e) {
            Assumptions.abort(dialect + " test server not reachable (" + e.getClass().getSimpleName()
                    + "): skipped; start it to run this test on " + dialect);
            throw e;
        }
    }

    /** Executes statements (test setup only). */
    void exec(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    String groups() {
        return dialect.groupsTable();
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = admin(); Statement st = admin.createStatement()) {
            switch (dialect) {
                case POSTGRESQL -> st.execute("DROP SCHEMA " + name + " CASCADE");
                case MYSQL -> st.execute("DROP DATABASE " + name);
                case H2 -> st.execute("SHUTDOWN");
            }
        }
    }
}
