package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gptload.shared.db.ExpectedSchema.Column;
import io.gptload.shared.db.ExpectedSchema.Index;
import io.gptload.shared.db.TestDatabase.Backend;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks a migrated schema against {@link ExpectedSchema} through {@link DatabaseMetaData}. */
final class SchemaAssertions {

    private record Found(boolean unique, List<String> columns) { }

    private final Connection connection;
    private final Backend backend;
    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;

    SchemaAssertions(Connection connection, Backend backend) throws SQLException {
        this.connection = connection;
        this.backend = backend;
        this.meta = connection.getMetaData();
        this.catalog = backend == Backend.MARIADB ? connection.getCatalog() : null;
        this.schema = backend == Backend.MARIADB ? null : connection.getSchema();
    }

    /** Tables, columns, indexes; the foreign key only when {@code expectForeignKey}. */
    void assertComplete(boolean expectForeignKey) throws SQLException {
        for (String table : ExpectedSchema.TABLES) {
            assertColumns(table, ExpectedSchema.COLUMNS.get(table));
        }
        for (Index index : ExpectedSchema.INDEXES) {
            assertIndex(index, true);
        }
        for (Index index : ExpectedSchema.UNIQUE_CONSTRAINTS) {
            assertIndex(index, backend != Backend.H2);
        }
        assertEquals(expectForeignKey, foreignKeys("api_keys").contains("fk_groups_api_keys"),
                "foreign key fk_groups_api_keys on api_keys");
    }

    String actualTable(String table) throws SQLException {
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return rs.getString("TABLE_NAME");
                }
            }
        }
        return fail("table " + table + " missing on " + backend);
    }

    List<String> foreignKeys(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, actualTable(table))) {
            while (rs.next()) {
                names.add(rs.getString("FK_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private void assertColumns(String table, List<Column> expected) throws SQLException {
        String actual = actualTable(table);
        Map<String, Map<String, Object>> found = new HashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, actual, "%")) {
            while (rs.next()) {
                if (!actual.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                for (String key : List.of("DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "IS_NULLABLE",
                        "COLUMN_DEF", "IS_AUTOINCREMENT")) {
                    row.put(key, rs.getObject(key));
                }
                found.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), row);
            }
        }
        assertEquals(expected.stream().map(Column::name).sorted().toList(),
                found.keySet().stream().sorted().toList(), "columns of " + table);
        for (Column column : expected) {
            assertColumn(table, column, found.get(column.name()));
        }
    }

    private void assertColumn(String table, Column column, Map<String, Object> row) {
        String where = backend + " " + table + "." + column.name() + " " + row;
        int type = ((Number) row.get("DATA_TYPE")).intValue();
        String typeName = String.valueOf(row.get("TYPE_NAME")).toLowerCase(Locale.ROOT);
        int size = ((Number) row.get("COLUMN_SIZE")).intValue();
        assertEquals(column.nullable() ? "YES" : "NO", row.get("IS_NULLABLE"), "nullability of " + where);
        boolean unsigned = typeName.contains("unsigned");
        switch (column.family()) {
            case ID -> {
                assertEquals(Types.BIGINT, type, where);
                assertEquals("YES", row.get("IS_AUTOINCREMENT"), where);
                assertEquals(backend == Backend.MARIADB, unsigned, where);
            }
            case UINT -> {
                assertEquals(Types.BIGINT, type, where);
                assertEquals(backend == Backend.MARIADB, unsigned, where);
            }
            case INT -> {
                assertEquals(Types.BIGINT, type, where);
                assertTrue(!unsigned, where);
            }
            case VARCHAR -> {
                assertEquals(Types.VARCHAR, type, where);
                // H2 counts UTF-16 units: its notes column is widened so 255 code points always fit (V2)
                int expected = backend == Backend.H2 && column.name().equals("notes") ? 510 : column.size();
                assertEquals(expected, size, where);
            }
            case TEXT -> assertTrue(Set.of(Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB).contains(type)
                    && size >= 65_535 && !typeName.contains("json"), where);
            case JSON -> assertTrue(switch (backend) {
                case POSTGRESQL -> typeName.equals("jsonb");
                case MARIADB -> typeName.equals("json") || typeName.equals("longtext");
                case H2 -> type == Types.VARCHAR && size >= 1_000_000;
            }, where);
            case BOOL -> assertTrue(Set.of(Types.BOOLEAN, Types.BIT).contains(type), where);
            case TIME -> assertTrue(switch (backend) {
                case POSTGRESQL -> typeName.equals("timestamptz");
                case MARIADB -> type == Types.TIMESTAMP && typeName.equals("datetime");
                case H2 -> type == Types.TIMESTAMP;
            }, where);
        }
        if (column.defaultToken() != null) {
            Object def = row.get("COLUMN_DEF");
            assertNotNull(def, "default of " + where);
            String text = def.toString().toLowerCase(Locale.ROOT);
            boolean emptyString = column.defaultToken().equals("''") && text.isEmpty();
            assertTrue(emptyString || List.of(column.defaultToken().split("\\|")).stream().anyMatch(text::contains),
                    "default of " + where);
        }
    }

    private void assertIndex(Index expected, boolean byName) throws SQLException {
        Map<String, Found> indexes = indexes(expected.table());
        String where = backend + " index " + expected.name() + " on " + expected.table() + ": " + indexes;
        if (byName) {
            Found found = indexes.get(expected.name());
            assertNotNull(found, where);
            assertEquals(expected.unique(), found.unique(), where);
            assertEquals(expected.columns(), found.columns(), where);
        } else {
            assertTrue(indexes.values().contains(new Found(expected.unique(), expected.columns())), where);
        }
    }

    private Map<String, Found> indexes(String table) throws SQLException {
        Map<String, Boolean> unique = new HashMap<>();
        Map<String, Map<Integer, String>> columns = new HashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, actualTable(table), false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                String key = name.toLowerCase(Locale.ROOT);
                unique.put(key, !rs.getBoolean("NON_UNIQUE"));
                columns.computeIfAbsent(key, k -> new java.util.TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                .replace("\"", ""));
            }
        }
        Map<String, Found> result = new HashMap<>();
        unique.forEach((name, u) -> result.put(name, new Found(u, List.copyOf(columns.get(name).values()))));
        return result;
    }
}
