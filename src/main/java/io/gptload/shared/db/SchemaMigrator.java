package io.gptload.shared.db;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Brings the database schema up to date with plain JDBC, before JPA touches it.
 *
 * <p>The dialect (H2, PostgreSQL, MySQL/MariaDB) comes from the connection's product name; the
 * scripts listed in {@code db/migration/<dialect>/index.txt} are applied in order and recorded
 * in {@code gptload_schema_version}. PostgreSQL applies each script in one transaction; H2 and
 * MySQL commit DDL implicitly, so a script that failed halfway is re-run on the next start.
 * Nodes starting at once take turns under a database lock and re-check what is pending.
 *
 * <p>Version 1 is the gpt-load schema and is applied so that it adopts a database gpt-load
 * created (tables present, no version table): only missing tables, columns and indexes are
 * created, existing data gets no new constraint, and V1 is then recorded as applied.
 *
 * <p>Call it outside any JTA transaction: it switches the connection's auto-commit mode.
 * Failures surface as {@link IllegalStateException} naming the script and statement number.
 */
public final class SchemaMigrator {

    /** Version whose script is the gpt-load baseline and may adopt an existing schema. */
    static final int BASELINE_VERSION = 1;

    private SchemaMigrator() {
    }

    /** Migrates the database behind {@code dataSource} using one connection from it. */
    public static void migrate(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration: database unavailable (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** Migrates the database behind {@code connection}; restores its auto-commit mode afterwards. */
    public static void migrate(Connection connection) {
        migrate(connection, SchemaMigrator.class.getClassLoader());
    }

    /** As {@link #migrate(Connection)}, reading the scripts through {@code loader}. */
    static void migrate(Connection connection, ClassLoader loader) {
        requireNonNull(connection, "connection");
        requireNonNull(loader, "loader");
        try {
            Dialect dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
            List<SqlScript> scripts = ScriptCatalog.load(dialect, loader);
            boolean autoCommit = connection.getAutoCommit();
            try {
                connection.setAutoCommit(true);
                migrate(connection, dialect, scripts);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration failed (SQLState " + e.getSQLState() + "): "
                    + e.getMessage(), e);
        }
    }

    private static void migrate(Connection connection, Dialect dialect, List<SqlScript> scripts)
            throws SQLException {
        if (pending(connection, dialect, scripts).isEmpty()) {
            return;
        }
        dialect.lock(connection);
        try {
            VersionTable.create(connection);
            for (SqlScript script : pending(connection, dialect, scripts)) {
                apply(connection, dialect, script);
            }
        } finally {
            dialect.unlock(connection);
        }
    }

    private static List<SqlScript> pending(Connection connection, Dialect dialect, List<SqlScript> scripts)
            throws SQLException {
        Set<Integer> applied = VersionTable.applied(connection, new SchemaInspector(connection, dialect));
        return scripts.stream().filter(s -> !applied.contains(s.version())).toList();
    }

    private static void apply(Connection connection, Dialect dialect, SqlScript script) throws SQLException {
        boolean transactional = dialect.transactionalDdl();
        StatementRunner runner = new StatementRunner(connection, dialect, script.fileName());
        connection.setAutoCommit(!transactional);
        try {
            String description = script.description();
            if (script.version() == BASELINE_VERSION) {
                var baseline = new BaselineScript(new SchemaInspector(connection, dialect), runner);
                if (baseline.apply(script.statements())) {
                    description += " (adopted existing schema)";
                }
            } else {
                for (int i = 0; i < script.statements().size(); i++) {
                    runner.execute(i + 1, script.statements().get(i));
                }
            }
            VersionTable.record(connection, script.version(), description);
            if (transactional) {
                connection.commit();
            }
        } catch (RuntimeException | SQLException e) {
            if (transactional) {
                rollback(connection, e);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
