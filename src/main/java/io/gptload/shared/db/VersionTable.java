package io.gptload.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The table {@code gptload_schema_version}: one row per applied script. */
final class VersionTable {

    static final String NAME = "gptload_schema_version";
    private static final int DESCRIPTION_MAX = 200;

    private VersionTable() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + NAME
                    + " (version INT PRIMARY KEY, description VARCHAR(200), applied_at TIMESTAMP)");
        }
    }

    /** Applied versions; empty when the table does not exist yet. */
    static Set<Integer> applied(Connection connection, SchemaInspector inspector) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        if (inspector.table(NAME).isEmpty()) {
            return versions;
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + NAME)) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    static void record(Connection connection, int version, String description) throws SQLException {
        String text = description.length() <= DESCRIPTION_MAX ? description : description.substring(0, DESCRIPTION_MAX);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + NAME + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, text);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }
}
