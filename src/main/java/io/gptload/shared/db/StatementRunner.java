package io.gptload.shared.db;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Executes the statements of one script and turns a failure into an
 * {@link IllegalStateException} naming the script and the statement number (1-based), never
 * the connection details.
 */
final class StatementRunner {

    private final Connection connection;
    private final Dialect dialect;
    private final String fileName;

    StatementRunner(Connection connection, Dialect dialect, String fileName) {
        this.connection = requireNonNull(connection, "connection");
        this.dialect = requireNonNull(dialect, "dialect");
        this.fileName = requireNonNull(fileName, "fileName");
    }

    /** Runs {@code sql}, reported as statement {@code number} of the script when it fails. */
    void execute(int number, String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw failure(number, e);
        }
    }

    IllegalStateException failure(int number, SQLException e) {
        return new IllegalStateException("Schema migration " + dialect.resourceFolder() + "/" + fileName
                + " failed at statement " + number + " (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
    }
}
