package io.gptload.tools;

import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The transient table {@code temp_migration (id PK, key_value_new, key_hash_new)} of gpt-load's
 * key migration: filled in batches, read back for verification, then copied into
 * {@code api_keys} by one dialect-specific UPDATE and dropped.
 */
final class TempMigrationTable {

    static final String NAME = "temp_migration";

    /** A re-encrypted row: new stored value and new hash for key {@code id}. */
    record Entry(long id, String valueNew, String hashNew) {
        @Override
        public String toString() {
            return "Entry[id=" + id + "]";
        }
    }

    /** A row of the table next to the value it replaces, for verification. */
    record Pair(long id, String oldValue, String valueNew, String hashNew) {
        @Override
        public String toString() {
            return "Pair[id=" + id + "]";
        }
    }

    private final Connection connection;
    private final Dialect dialect;

    TempMigrationTable(Connection connection, Dialect dialect) {
        this.connection = Objects.requireNonNull(connection, "connection must not be null");
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
    }

    /** Drops a leftover table and creates an empty one. */
    void create() throws SQLException {
        drop();
        String text = dialect == Dialect.H2 ? "VARCHAR" : "TEXT";
        execute("CREATE TABLE " + NAME + " (id BIGINT PRIMARY KEY, key_value_new " + text
                + ", key_hash_new VARCHAR(255))");
    }

    void drop() throws SQLException {
        execute("DROP TABLE IF EXISTS " + NAME);
    }

    /** Inserts one batch in one transaction. */
    void insert(List<Entry> entries) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + NAME + " (id, key_value_new, key_hash_new) VALUES (?, ?, ?)")) {
            for (Entry e : entries) {
                ps.setLong(1, e.id());
                ps.setString(2, e.valueNew());
                ps.setString(3, e.hashNew());
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    long count() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + NAME)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first {@code limit} rows by id, each with the {@code api_keys} value it replaces (null if none). */
    List<Pair> sample(int limit) throws SQLException {
        List<Pair> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.id, a.key_value, t.key_value_new, t.key_hash_new FROM "
                        + NAME + " t LEFT JOIN api_keys a ON a.id = t.id ORDER BY t.id LIMIT " + limit)) {
            while (rs.next()) {
                out.add(new Pair(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    /**
     * Copies every row into {@code api_keys} in one statement and one transaction, committed only
     * when it touched exactly {@code expected} rows.
     *
     * @return the number of rows updated; when different from {@code expected}, nothing was changed
     */
    int copyIntoApiKeys(long expected) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            int updated = s.executeUpdate(swapSql());
            if (updated == expected) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return updated;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    String swapSql() {
        return switch (dialect) {
            case POSTGRESQL -> "UPDATE api_keys SET key_value = t.key_value_new, key_hash = t.key_hash_new"
                    + " FROM " + NAME + " t WHERE api_keys.id = t.id";
            case MYSQL -> "UPDATE api_keys a INNER JOIN " + NAME + " t ON a.id = t.id"
                    + " SET a.key_value = t.key_value_new, a.key_hash = t.key_hash_new";
            case H2 -> "MERGE INTO api_keys a USING " + NAME + " t ON a.id = t.id"
                    + " WHEN MATCHED THEN UPDATE SET key_value = t.key_value_new, key_hash = t.key_hash_new";
        };
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
