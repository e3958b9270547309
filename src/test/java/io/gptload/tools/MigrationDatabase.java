package io.gptload.tools;

import io.gptload.shared.KeyCipher;
import io.gptload.shared.db.Dialect;
import io.gptload.shared.db.SchemaMigrator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database with the gateway's schema (from {@link SchemaMigrator}) and one group, for the
 * migration tests. H2 is in memory; PostgreSQL and MariaDB must run locally (trust / empty-password
 * root), otherwise the test is skipped.
 */
final class MigrationDatabase implements AutoCloseable {

    enum Backend { H2, POSTGRESQL, MARIADB }

    /** A stored row: value as stored, key_hash as stored, status. */
    record Stored(String value, String hash, String status) {
    }

    final Backend backend;
    final String name;
    final Connection connection;
    private final Connection admin;
    private final long groupId;

    private MigrationDatabase(Backend backend, String name, Connection connection, Connection admin)
            throws SQLException {
        this.backend = backend;
        this.name = name;
        this.connection = connection;
        this.admin = admin;
        SchemaMigrator.migrate(connection);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + Dialect.of(connection).groupsTable()
                    + " (name, upstreams, channel_type, test_model) VALUES ('g', '[]', 'openai', 'm')");
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT MAX(id) FROM " + Dialect.of(connection).groupsTable())) {
            rs.next();
            this.groupId = rs.getLong(1);
        }
    }

    static MigrationDatabase open(Backend backend) throws SQLException {
        String name = "gptload_mk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (backend) {
            case H2 -> {
                String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                yield new MigrationDatabase(backend, url, DriverManager.getConnection(url), null);
            }
            case POSTGRESQL -> {
                Connection admin = reach("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3", "postgres");
                exec(admin, "CREATE SCHEMA " + name);
                yield new MigrationDatabase(backend, name, DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name, "postgres", ""), admin);
            }
            case MARIADB -> {
                String params = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=3000";
                Connection admin = reach("jdbc:mysql://127.0.0.1:3306/test" + params, "root");
                exec(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                yield new MigrationDatabase(backend, name, DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:3306/" + name + params, "root", ""), admin);
            }
        };
    }

    /** Inserts the keys as the gateway would store them under {@code cipher}; returns their ids. */
    List<Long> addKeys(KeyCipher cipher, List<String> plaintexts) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO api_keys (key_value, key_hash, group_id,"
                + " status, notes, request_count, failure_count) VALUES (?, ?, ?, 'active', 'n', 0, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (String plain : plaintexts) {
                ps.setString(1, cipher.encrypt(plain));
                ps.setString(2, cipher.hash(plain));
                ps.setLong(3, groupId);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    List<Long> addKeys(KeyCipher cipher, String... plaintexts) throws SQLException {
        return addKeys(cipher, List.of(plaintexts));
    }

    /** Every api_keys row by id. */
    Map<Long, Stored> rows() throws SQLException {
        Map<Long, Stored> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, key_value, key_hash, status FROM api_keys ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Stored(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    boolean tempTableExists() throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String table = backend == Backend.H2 ? "TEMP_MIGRATION" : "temp_migration";
        String schema = backend == Backend.POSTGRESQL ? name : null;
        String catalog = backend == Backend.MARIADB ? name : null;
        try (ResultSet rs = meta.getTables(catalog, schema, table, null)) {
            return rs.next();
        }
    }

    void exec(String sql) throws SQLException {
        exec(connection, sql);
    }

    @Override
    public void close() throws SQLException {
        try (connection) {
            if (backend == Backend.H2) {
                exec(connection, "SHUTDOWN");
            }
        }
        if (admin != null) {
            try (admin) {
                exec(admin, backend == Backend.POSTGRESQL ? "DROP SCHEMA " + name + " CASCADE"
                        : "DROP DATABASE " + name);
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static Connection reach(String url, String user) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            Assumptions.assumeTrue(false, url.split("\\?")[0].toLowerCase(Locale.ROOT) + " not reachable: skipped");
            throw new AssertionError(e);
        }
    }
}
