package io.gptload.shared.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The gateway's one data source ({@code java:app/jdbc/gptload}, defined by the bootstrap from
 * {@code DATABASE_DSN}) and its dialect, for the features that speak JDBC directly (bulk work,
 * request logs, key state).
 */
@ApplicationScoped
public class Database {

    @Resource(lookup = "java:app/jdbc/gptload")
    private DataSource dataSource;
    private volatile Dialect dialect;

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = Dialect.of(c);
                dialect = d;
            } catch (SQLException e) {
                throw new IllegalStateException("database unavailable: " + e.getMessage(), e);
            }
        }
        return d;
    }
}
