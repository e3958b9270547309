package io.gptload.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database for one gateway (and its restarts) on one backend, plus the working
 * directory the gateway runs in. PostgreSQL and MariaDB get a fresh database
 * {@code gptload_it_<random>} on the local server, dropped by {@link #close()}; H2 is the
 * gateway's default file under {@code <workDir>/data/}. Creating one on a server that does not
 * answer aborts the test with a message naming the server.
 */
final class ScratchDatabase implements AutoCloseable {

    /** The databases the gateway supports, with how the tests reach their local servers. */
    enum Backend {
        H2(null, null),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres"),
        MARIADB("jdbc:mysql://127.0.0.1:3306/", "root");

        private final String jdbcBase;
        private final String user;

        Backend(String jdbcBase, String user) {
            this.jdbcBase = jdbcBase;
            this.user = user;
        }

        private String jdbcUrl(String database) {
            return this == MARIADB
                    ? jdbcBase + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=3000"
                    : jdbcBase + database + "?connectTimeout=3";
        }
    }

    private final Backend backend;
    private final String database;
    private final Path workDir;

    private ScratchDatabase(Backend backend, String database, Path workDir) {
        this.backend = backend;
        this.database = database;
        this.workDir = workDir;
    }

    /** Creates the database (skipping the test when the server is unreachable) and a fresh working directory. */
    static ScratchDatabase create(Backend backend) throws Exception {
        Path logs = Path.of(System.getProperty("gateway.logs", "target/it-logs")).toAbsolutePath();
        Files.createDirectories(logs);
        Path workDir = Files.createTempDirectory(logs, "work-" + backend.name().toLowerCase() + "-");
        if (backend == Backend.H2) {
            return new ScratchDatabase(backend, null, workDir);
        }
        String name = "gptload_it_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = admin(backend); Statement s = c.createStatement()) {
            s.execute(backend == Backend.MARIADB
                    ? "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
                    : "CREATE DATABASE " + name);
        }
        return new ScratchDatabase(backend, name, workDir);
    }

    /** True when the backend's local server accepts a connection (always for H2). */
    static boolean reachable(Backend backend) {
        if (backend == Backend.H2) {
            return true;
        }
        try (Connection c = DriverManager.getConnection(backend.jdbcUrl("test"), backend.user, "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection admin(Backend backend) {
        try {
            return DriverManager.getConnection(backend.jdbcUrl("test"), backend.user, "");
        } catch (SQLException e) {
            Assumptions.abort(backend + " server at " + backend.jdbcBase + " is unreachable, skipping: "
                    + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    Backend backend() {
        return backend;
    }

    Path workDir() {
        return workDir;
    }

    /** The environment that points a gateway at this database, in gpt-load's own DSN forms. */
    Map<String, String> env() {
        return switch (backend) {
            case H2 -> Map.of();
            case POSTGRESQL -> Map.of("DATABASE_DSN",
                    "postgres://postgres@127.0.0.1:5432/" + database + "?sslmode=disable");
            case MARIADB -> Map.of("DATABASE_DSN",
                    "root:@tcp(127.0.0.1:3306)/" + database + "?charset=utf8mb4&parseTime=True&loc=Local");
        };
    }

    /**
     * The database as one JDBC URL with the credentials as parameters, the form a data source
     * defined by the application server takes (OpenLiberty's {@code DB_URL}).
     */
    String jdbcUrlWithCredentials() {
        return switch (backend) {
            case H2 -> "jdbc:h2:file:" + workDir.resolve("data/gpt-load") + ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres&stringtype=unspecified";
            case MARIADB -> "jdbc:mysql://127.0.0.1:3306/" + database
                    + "?user=root&useUnicode=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=DISABLED";
        };
    }

    /** The PostgreSQL environment with the server reached through another port (a {@link TcpRelay}). */
    Map<String, String> postgresEnvVia(int port) {
        if (backend != Backend.POSTGRESQL) {
            throw new IllegalStateException("only for PostgreSQL");
        }
        return Map.of("DATABASE_DSN", "postgres://postgres@127.0.0.1:" + port + "/" + database + "?sslmode=disable");
    }

    /** A JDBC connection to the database. For H2 only while no gateway has the file open. */
    Connection connect() throws SQLException {
        if (backend == Backend.H2) {
            return DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/gpt-load")
                    + ";IFEXISTS=TRUE", "", ""); // the gateway opens its H2 file with no user
        }
        return DriverManager.getConnection(backend.jdbcUrl(database), backend.user, "");
    }

    /** The {@code groups} table name as this backend's SQL spells it. */
    String groupsTable() {
        return backend == Backend.MARIADB ? "`groups`" : "\"groups\"";
    }

    @Override
    public void close() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection c = admin(backend); Statement s = c.createStatement()) {
            s.execute(backend == Backend.POSTGRESQL
                    ? "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + database);
        }
    }

    @Override
    public String toString() {
        return backend + (database == null ? " " + workDir : " " + database);
    }
}
