package io.gptload.tools;

import io.gptload.shared.db.DatabaseDsn;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens one JDBC connection to the database a {@code DATABASE_DSN} names, through the same data
 * source class and URL the gateway uses. An H2 file must exist already, so a run in the wrong
 * directory does not create an empty database.
 */
final class ToolDatabase {

    private ToolDatabase() {
    }

    static Connection open(DatabaseDsn dsn) throws SQLException {
        Objects.requireNonNull(dsn, "dsn must not be null");
        String url = dsn.urlWithCredentials();
        if (dsn.kind() == DatabaseDsn.Kind.H2 && url.startsWith("jdbc:h2:file:")) {
            url += ";IFEXISTS=TRUE";
        }
        DataSource dataSource;
        try {
            Class<?> type = Class.forName(dsn.dataSourceClass(), true, ToolDatabase.class.getClassLoader());
            dataSource = (DataSource) type.getConstructor().newInstance();
            type.getMethod("setURL", String.class).invoke(dataSource, url);
        } catch (InvocationTargetException e) {
            throw new SQLException("the " + dsn.kind() + " data source refused its URL", e.getCause());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("no JDBC driver for " + dsn.kind() + " (" + dsn.dataSourceClass() + ")", e);
        }
        return dataSource.getConnection();
    }
}
