package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URLs we build are read by the real drivers as intended (no server needed). */
class DatabaseDsnDriverTest {

    @Test
    void pgjdbcReadsOurUrl() {
        DatabaseDsn dsn = DatabaseDsn.parse(
                "postgres://u:p@db.internal:5433/gpt%20load?sslmode=disable&application_name=my%20app&connect_timeout=7",
                Path.of("/"));
        Properties props = org.postgresql.Driver.parseURL(dsn.jdbcUrl(), new Properties());
        assertEquals("db.internal", props.getProperty("PGHOST"));
        assertEquals("5433", props.getProperty("PGPORT"));
        assertEquals("gpt load", props.getProperty("PGDBNAME"));
        assertEquals("disable", props.getProperty("sslmode"));
        assertEquals("my app", props.getProperty("ApplicationName"));
        assertEquals("7", props.getProperty("connectTimeout"));
    }

    @Test
    void connectorJReadsOurUrl() {
        DatabaseDsn dsn = DatabaseDsn.parse("root:p@ss@tcp(mysql:3307)/gpt-load?tls=true&timeout=5s", Path.of("/"));
        ConnectionUrl url = ConnectionUrl.getConnectionUrlInstance(dsn.jdbcUrl(), new Properties());
        HostInfo host = url.getMainHost();
        assertEquals("mysql", host.getHost());
        assertEquals(3307, host.getPort());
        assertEquals("gpt-load", host.getDatabase());
        Map<String, String> props = host.getHostProperties();
        assertEquals("REQUIRED", props.get("sslMode"));
        assertEquals("UTF-8", props.get("characterEncoding"));
        assertEquals("true", props.get("allowPublicKeyRetrieval"));
        assertEquals("5000", props.get("connectTimeout"));
    }

    @Test
    void h2OpensTheFileDatabase(@TempDir Path dir) throws Exception {
        DatabaseDsn dsn = DatabaseDsn.parse("./data/gpt-load.db", dir);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(dsn.jdbcUrl());
        dataSource.setUser(dsn.user());
        dataSource.setPassword(dsn.password());
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        }
        assertTrue(Files.exists(dir.resolve("data/gpt-load.mv.db")));
    }

    @Test
    void pgjdbcReadsTheCredentialsFromTheUrl() {
        DatabaseDsn dsn = DatabaseDsn.parse("postgres://u:p%26ss%20w+rd@db:5432/app?sslmode=disable", Path.of("/"));
        Properties props = org.postgresql.Driver.parseURL(dsn.urlWithCredentials(), new Properties());
        assertEquals("u", props.getProperty("user"));
        assertEquals("p&ss w+rd", props.getProperty("password"));
        assertEquals("disable", props.getProperty("sslmode"));
        assertEquals("app", props.getProperty("PGDBNAME"));
        assertTrue(!DatabaseDsn.urlWithoutCredentials(dsn.urlWithCredentials()).contains("password"), "never logged");
    }

    @Test
    void connectorJReadsTheCredentialsFromTheUrl() {
        DatabaseDsn dsn = DatabaseDsn.parse("root:p@ss&w=rd é@tcp(mysql:3306)/gpt", Path.of("/"));
        ConnectionUrl url = ConnectionUrl.getConnectionUrlInstance(dsn.urlWithCredentials(), new Properties());
        assertEquals("root", url.getMainHost().getUser());
        assertEquals("p@ss&w=rd é", url.getMainHost().getPassword());
        assertEquals("DISABLED", url.getMainHost().getHostProperties().get("sslMode"));
    }

    @Test
    void anEmptyPasswordIsSentAsEmpty() {
        DatabaseDsn mysql = DatabaseDsn.parse("root:@tcp(127.0.0.1:3306)/gpt?charset=utf8mb4&parseTime=True", Path.of("/"));
        ConnectionUrl url = ConnectionUrl.getConnectionUrlInstance(mysql.urlWithCredentials(), new Properties());
        assertEquals("root", url.getMainHost().getUser());
        assertEquals("", url.getMainHost().getPassword());
        DatabaseDsn pg = DatabaseDsn.parse("postgres://postgres@127.0.0.1:5432/gpt?sslmode=disable", Path.of("/"));
        Properties props = org.postgresql.Driver.parseURL(pg.urlWithCredentials(), new Properties());
        assertEquals("postgres", props.getProperty("user"));
    }

    @Test
    void h2FileDatabaseOpensAgainAsTheContainerOpensIt(@TempDir Path dir) throws Exception {
        DatabaseDsn dsn = DatabaseDsn.parse("", dir);
        for (int i = 0; i < 2; i++) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(dsn.urlWithCredentials());
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("CREATE TABLE IF NOT EXISTS t (x INT)");
                assertTrue(connection.createStatement().executeQuery("SELECT COUNT(*) FROM t").next());
            }
        }
    }
}
