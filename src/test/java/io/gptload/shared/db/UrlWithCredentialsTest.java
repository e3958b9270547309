package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UrlWithCredentialsTest {

    private static final Path WD = Path.of("/srv/gw");

    @Test
    void mysqlEmptyPasswordIsExplicit() {
        DatabaseDsn d = DatabaseDsn.parse("root:@tcp(127.0.0.1:3306)/gl?charset=utf8mb4&parseTime=True", WD);
        assertEquals(d.jdbcUrl() + "&user=root&password=", d.urlWithCredentials());
    }

    @Test
    void postgresCredentialsAreEncoded() {
        DatabaseDsn d = DatabaseDsn.parse("postgres://u:p%40ss%26x@db:5432/app", WD);
        assertEquals(d.jdbcUrl() + "&user=u&password=p%40ss%26x", d.urlWithCredentials());
    }

    @Test
    void h2KeepsItsUrl() {
        DatabaseDsn d = DatabaseDsn.parse("", WD);
        assertEquals(d.jdbcUrl(), d.urlWithCredentials());
    }

    @Test
    void noCredentialsLeaveTheUrlAlone() {
        DatabaseDsn d = DatabaseDsn.parse("jdbc:postgresql://db/app", WD);
        assertEquals(d.jdbcUrl(), d.urlWithCredentials());
    }
}
