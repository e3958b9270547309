package io.gptload.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads {@code api_keys} in id order, a page at a time. */
final class ApiKeyRows {

    /** One stored key: its id, stored value (plaintext or ciphertext) and stored hash (may be null). */
    record Row(long id, String value, String hash) {
        Row {
            Objects.requireNonNull(value, "value must not be null");
        }

        @Override
        public String toString() {
            return "Row[id=" + id + "]";
        }
    }

    private final Connection connection;

    ApiKeyRows(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection must not be null");
    }

    long count() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM api_keys")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Up to {@code limit} rows with an id greater than {@code afterId}, in id order. */
    List<Row> page(long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id, key_value, key_hash FROM api_keys WHERE id > ? ORDER BY id LIMIT " + limit)) {
            ps.setLong(1, afterId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }
    }
}
