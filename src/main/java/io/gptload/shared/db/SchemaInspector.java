package io.gptload.shared.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Looks at what exists in the connection's current schema (MySQL: current database) through
 * {@link DatabaseMetaData}. Names are compared case-insensitively, because H2 folds unquoted
 * names to upper case while the others keep lower case.
 */
final class SchemaInspector {

    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;

    SchemaInspector(Connection connection, Dialect dialect) throws SQLException {
        this.meta = connection.getMetaData();
        this.catalog = dialect == Dialect.MYSQL ? connection.getCatalog() : null;
        this.schema = dialect == Dialect.MYSQL ? null : connection.getSchema();
    }

    /** The table's name as the database spells it, if a table of that name exists. */
    Optional<String> table(String name) throws SQLException {
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String found = rs.getString("TABLE_NAME");
                if (found.equalsIgnoreCase(name)) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower-case column names of a table named exactly as {@link #table} returned it. */
    Set<String> columns(String actualTable) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, actualTable, "%")) {
            while (rs.next()) {
                if (actualTable.equals(rs.getString("TABLE_NAME"))) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** Lower-case index names of a table named exactly as {@link #table} returned it. */
    Set<String> indexes(String actualTable) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, actualTable, false, true)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
