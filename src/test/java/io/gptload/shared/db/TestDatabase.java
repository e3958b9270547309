package io.gptload.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty schema on one backend for one test; dropped on close. PostgreSQL and MariaDB
 * must run locally (trust / empty-password root); when unreachable the test is skipped.
 */
final class TestDatabase implements AutoCloseable {

    enum Backend { H2, POSTGRESQL, MARIADB }

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB_BASE = "jdbc:mysql://127.0.0.1:3306/";
    private static final String MARIADB_PARAMS = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=3000";

    final Backend backend;
    final String name;
    final String url;
    private final Connection keepAlive;

    private TestDatabase(Backend backend, String name, String url, Connection keepAlive) {
        this.backend = backend;
        this.name = name;
        this.url = url;
        this.keepAlive = keepAlive;
    }

    static TestDatabase open(Backend backend) throws SQLException {
        String name = "gptload_mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (backend) {
            case H2 -> {
                String url = "jdbc:h2:mem:" + name;
                yield new TestDatabase(backend, name, url, DriverManager.getConnection(url));
            }
            case POSTGRESQL -> {
                Connection admin = reach(PG_URL + "?connectTimeout=3", "postgres",
                        "PostgreSQL at 127.0.0.1:5432 not reachable: skipped");
                exec(admin, "CREATE SCHEMA " + name);
                yield new TestDatabase(backend, name, PG_URL + "?currentSchema=" + name, admin);
            }
            case MARIADB -> {
                Connection admin = reach(MARIADB_BASE + "test" + MARIADB_PARAMS, "root",
                        "MariaDB/MySQL at 127.0.0.1:3306 not reachable: skipped");
                exec(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                yield new TestDatabase(backend, name, MARIADB_BASE + name + MARIADB_PARAMS, admin);
            }
        };
    }

    /** A new connection to the fresh schema; {@code extraParams} like {@code stringtype=unspecified}. */
    Connection connect(String... extraParams) throws SQLException {
        StringBuilder u = new StringBuilder(url);
        for (String p : extraParams) {
            u.append(backend == Backend.H2 ? ";" : "&").append(p);
        }
        return switch (backend) {
            case H2 -> DriverManager.getConnection(u.toString());
            case POSTGRESQL -> DriverManager.getConnection(u.toString(), "postgres", "");
            case MARIADB -> DriverManager.getConnection(u.toString(), "root", "");
        };
    }

    Dialect dialect() {
        return backend == Backend.MARIADB ? Dialect.MYSQL : Dialect.valueOf(backend.name());
    }

    /** Lower-case name on every backend except H2, where unquoted names are upper case. */
    String folded(String identifier) {
        return backend == Backend.H2 ? identifier.toUpperCase(Locale.ROOT) : identifier;
    }

    @Override
    public void close() throws SQLException {
        try (keepAlive) {
            switch (backend) {
                case H2 -> exec(keepAlive, "SHUTDOWN");
                case POSTGRESQL -> exec(keepAlive, "DROP SCHEMA " + name + " CASCADE");
                case MARIADB -> exec(keepAlive, "DROP DATABASE " + name);
            }
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection reach(String url, String user, String skipMessage) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            Assumptions.assumeTrue(false, skipMessage + " (" + e.getMessage() + ")");
            throw new AssertionError(e);
        }
    }
}
