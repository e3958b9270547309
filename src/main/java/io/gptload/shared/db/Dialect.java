package io.gptload.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database families the migrator knows: where their scripts live, whether their DDL is
 * transactional, and how two nodes starting at once take turns.
 */
public enum Dialect {
    /** Embedded, single node: DDL commits implicitly and no cross-node lock is needed. */
    H2("h2", false),
    /** Transactional DDL; a session-level advisory lock serialises nodes. */
    POSTGRESQL("postgresql", true),
    /** MySQL 8 and MariaDB; DDL commits implicitly, a named server lock serialises nodes. */
    MYSQL("mysql", false);

    /** Arbitrary constant key of the PostgreSQL advisory lock ("gptload" in ASCII). */
    private static final long PG_LOCK_KEY = 0x6770746c6f6164L;
    private static final int MYSQL_LOCK_TIMEOUT_SECONDS = 300;
    private static final int MYSQL_LOCK_NAME_MAX = 64;

    private final String directory;
    private final boolean transactionalDdl;

    Dialect(String directory, boolean transactionalDdl) {
        this.directory = directory;
        this.transactionalDdl = transactionalDdl;
    }

    /** Maps {@code DatabaseMetaData.getDatabaseProductName()} to a dialect. */
    static Dialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return H2;
        }
        if (name.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        if (name.startsWith("mysql") || name.startsWith("mariadb")) {
            return MYSQL;
        }
        throw new IllegalStateException("Unsupported database for schema migration: " + productName);
    }

    /** The dialect of a live connection. */
    public static Dialect of(Connection c) throws SQLException {
        return of(c.getMetaData().getDatabaseProductName());
    }

    /** The {@code groups} table name, quoted where it is a reserved word. */
    public String groupsTable() {
        return this == MYSQL ? "`groups`" : "\"groups\"";
    }

    /** Classpath folder of this dialect's scripts, e.g. {@code db/migration/mysql}. */
    String resourceFolder() {
        return "db/migration/" + directory;
    }

    boolean transactionalDdl() {
        return transactionalDdl;
    }

    /** Blocks until this connection holds the migration lock. */
    void lock(Connection connection) throws SQLException {
        switch (this) {
            case POSTGRESQL -> query(connection, "SELECT pg_advisory_lock(?)", PG_LOCK_KEY);
            case MYSQL -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                    ps.setString(1, mysqlLockName(connection));
                    ps.setInt(2, MYSQL_LOCK_TIMEOUT_SECONDS);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getInt(1) != 1) {
                            throw new IllegalStateException("Schema migration: timed out after "
                                    + MYSQL_LOCK_TIMEOUT_SECONDS + " s waiting for another node's migration");
                        }
                    }
                }
            }
            case H2 -> { }
        }
    }

    /** Releases what {@link #lock} took. */
    void unlock(Connection connection) throws SQLException {
        switch (this) {
            case POSTGRESQL -> query(connection, "SELECT pg_advisory_unlock(?)", PG_LOCK_KEY);
            case MYSQL -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, mysqlLockName(connection));
                    ps.executeQuery().close();
                }
            }
            case H2 -> { }
        }
    }

    /** MySQL locks are server-wide: name the lock after the database so databases do not block each other. */
    private static String mysqlLockName(Connection connection) throws SQLException {
        String name = "gptload_schema:" + connection.getCatalog();
        return name.length() <= MYSQL_LOCK_NAME_MAX ? name : name.substring(0, MYSQL_LOCK_NAME_MAX);
    }

    private static void query(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        }
    }
}
