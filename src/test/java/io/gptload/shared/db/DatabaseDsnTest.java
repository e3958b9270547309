package io.gptload.shared.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.db.DatabaseDsn.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseDsnTest {

    private static final Path WORK = Path.of("/srv/gpt-load");
    private static final String H2_OPTIONS = ";TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String MYSQL_DEFAULTS = "useUnicode=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true";

    private static DatabaseDsn parse(String dsn) {
        return DatabaseDsn.parse(dsn, WORK);
    }

    // --- embedded H2 ---

    @Test
    void blankMeansH2UnderTheWorkingDirectory() {
        for (String blank : new String[] {null, "", "   \n"}) {
            DatabaseDsn dsn = parse(blank);
            assertEquals(Kind.H2, dsn.kind());
            assertEquals("jdbc:h2:file:/srv/gpt-load/data/gpt-load" + H2_OPTIONS, dsn.jdbcUrl());
            assertEquals("sa", dsn.user());
            assertEquals("", dsn.password());
            assertEquals("org.h2.jdbcx.JdbcDataSource", dsn.dataSourceClass());
        }
    }

    @Test
    void relativeWorkingDirectoryIsMadeAbsolute() {
        DatabaseDsn dsn = DatabaseDsn.parse("", Path.of("rel"));
        String expected = Path.of("rel").toAbsolutePath().resolve("data/gpt-load").normalize().toString();
        assertEquals("jdbc:h2:file:" + expected + H2_OPTIONS, dsn.jdbcUrl());
    }

    @Test
    void sqliteFilePathsBecomeH2DatabasesWithoutExtension() {
        assertEquals("jdbc:h2:file:/srv/gpt-load/data/gpt-load" + H2_OPTIONS, parse("./data/gpt-load.db").jdbcUrl());
        assertEquals("jdbc:h2:file:/srv/gpt-load/x/store" + H2_OPTIONS, parse("x/store.sqlite").jdbcUrl());
        assertEquals("jdbc:h2:file:/srv/gpt-load/store" + H2_OPTIONS, parse("store.SQLITE3").jdbcUrl());
        assertEquals("jdbc:h2:file:/var/lib/app/keys" + H2_OPTIONS, parse("/var/lib/app/keys").jdbcUrl());
        assertEquals("jdbc:h2:file:/srv/data/app.backup" + H2_OPTIONS, parse("../data/app.backup.db").jdbcUrl());
        assertEquals(Kind.H2, parse("gpt-load.db").kind());
    }

    @Test
    void sqliteQueryParametersAndFilePrefixAreIgnored() {
        assertEquals("jdbc:h2:file:/srv/gpt-load/data/gpt-load" + H2_OPTIONS,
                parse("file:./data/gpt-load.db?_busy_timeout=5000&cache=shared").jdbcUrl());
    }

    @Test
    void memoryDatabase() {
        DatabaseDsn dsn = parse(":memory:");
        assertEquals(Kind.H2, dsn.kind());
        assertEquals("jdbc:h2:mem:gpt-load;DB_CLOSE_DELAY=-1", dsn.jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"./data/", ".db", "data/.sqlite", "a;b.db", "data/\u0000x.db"})
    void badFilePathsAreRejected(String path) {
        assertThrows(IllegalArgumentException.class, () -> parse(path));
    }

    // --- PostgreSQL URL ---

    @Test
    void postgresUrl() {
        DatabaseDsn dsn = parse("postgres://postgres:123456@db.internal:5433/gpt-load?sslmode=disable");
        assertEquals(Kind.POSTGRESQL, dsn.kind());
        assertEquals("jdbc:postgresql://db.internal:5433/gpt-load?sslmode=disable&stringtype=unspecified", dsn.jdbcUrl());
        assertEquals("postgres", dsn.user());
        assertEquals("123456", dsn.password());
        assertEquals("org.postgresql.ds.PGSimpleDataSource", dsn.dataSourceClass());
    }

    @Test
    void postgresqlSchemeDefaultPortAndKeptParameters() {
        DatabaseDsn dsn = parse("postgresql://app@db/main?sslmode=require&application_name=my%20app"
                + "&connect_timeout=10&TimeZone=Asia%2FShanghai&pool_max_conns=4");
        assertEquals("jdbc:postgresql://db:5432/main?sslmode=require&ApplicationName=my+app&connectTimeout=10&stringtype=unspecified",
                dsn.jdbcUrl());
        assertEquals("app", dsn.user());
        assertEquals("", dsn.password());
    }

    @Test
    void postgresCredentialsArePercentDecodedAndMayContainAtAndColon() {
        DatabaseDsn dsn = parse("postgres://us%40er:p%40ss:w@rd%2F%3F%C3%A9@127.0.0.1/db");
        assertEquals("us@er", dsn.user());
        assertEquals("p@ss:w@rd/?é", dsn.password());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/db?stringtype=unspecified", dsn.jdbcUrl());
    }

    @Test
    void postgresPlusInPasswordStaysPlus() {
        assertEquals("a+b", parse("postgres://u:a+b@h/db").password());
    }

    @Test
    void postgresCredentialsFromQuery() {
        DatabaseDsn dsn = parse("postgres://h:6000/db?user=bob&password=s%26cret");
        assertEquals("bob", dsn.user());
        assertEquals("s&cret", dsn.password());
        assertEquals("jdbc:postgresql://h:6000/db?stringtype=unspecified", dsn.jdbcUrl());
    }

    @Test
    void postgresIpv6MissingHostAndMissingDatabase() {
        assertEquals("jdbc:postgresql://[::1]:5432/db?stringtype=unspecified", parse("postgres://u:p@[::1]/db").jdbcUrl());
        assertEquals("jdbc:postgresql://[fe80::1]:6432/db?stringtype=unspecified", parse("postgres://[fe80::1]:6432/db").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/db?stringtype=unspecified", parse("postgres:///db").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/alice?stringtype=unspecified", parse("postgres://alice:x@h").jdbcUrl(),
                "database defaults to the user name, as in libpq");
        assertEquals("jdbc:postgresql://h1:5432,h2:5433/db?stringtype=unspecified", parse("postgres://u@h1:5432,h2:5433/db").jdbcUrl());
    }

    // --- PostgreSQL key/value ---

    @Test
    void postgresKeyValueForm() {
        DatabaseDsn dsn = parse("host=127.0.0.1 user=postgres password=x dbname=test port=5432 sslmode=disable");
        assertEquals(Kind.POSTGRESQL, dsn.kind());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable&stringtype=unspecified", dsn.jdbcUrl());
        assertEquals("postgres", dsn.user());
        assertEquals("x", dsn.password());
    }

    @Test
    void postgresKeyValueQuotingSpacesAndDefaults() {
        DatabaseDsn dsn = parse("user = 'gorm user' password= '' dbname=gorm TimeZone=Asia/Shanghai port = 9920");
        assertEquals("gorm user", dsn.user());
        assertEquals("", dsn.password());
        assertEquals("jdbc:postgresql://localhost:9920/gorm?stringtype=unspecified", dsn.jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> parse("user=u password='it''s'"),
                "a quote right after a quoted value starts no keyword");
    }

    @Test
    void postgresKeyValueBackslashEscapes() {
        DatabaseDsn dsn = parse("host=db password='a b\\'c\\\\d' user=u dbname='my db' application_name=x");
        assertEquals("a b'c\\d", dsn.password());
        assertEquals("jdbc:postgresql://db:5432/my+db?ApplicationName=x&stringtype=unspecified", dsn.jdbcUrl());
        DatabaseDsn ipv6 = parse("host=::1 dbname=d");
        assertEquals("jdbc:postgresql://[::1]:5432/d?stringtype=unspecified", ipv6.jdbcUrl());
        assertEquals("jdbc:postgresql://localhost:5432/d?stringtype=unspecified", parse("dbname=d").jdbcUrl());
    }

    // --- MySQL ---

    @Test
    void mysqlGoDriverDsn() {
        DatabaseDsn dsn = parse("root:123456@tcp(mysql:3306)/gpt-load?charset=utf8mb4&parseTime=True&loc=Local");
        assertEquals(Kind.MYSQL, dsn.kind());
        assertEquals("jdbc:mysql://mysql:3306/gpt-load?" + MYSQL_DEFAULTS + "&sslMode=DISABLED", dsn.jdbcUrl());
        assertEquals("root", dsn.user());
        assertEquals("123456", dsn.password());
        assertEquals("com.mysql.cj.jdbc.MysqlDataSource", dsn.dataSourceClass());
    }

    @Test
    void mysqlPasswordMayContainAtColonAndSlash() {
        DatabaseDsn dsn = parse("app:p@ss:w/rd@tcp@tcp(10.0.0.5)/db");
        assertEquals("app", dsn.user());
        assertEquals("p@ss:w/rd@tcp", dsn.password());
        assertEquals("jdbc:mysql://10.0.0.5:3306/db?" + MYSQL_DEFAULTS + "&sslMode=DISABLED", dsn.jdbcUrl());
    }

    @Test
    void mysqlTlsMapping() {
        assertTrue(parse("u:p@tcp(h:1)/d?tls=true").jdbcUrl().endsWith("&sslMode=REQUIRED"));
        assertTrue(parse("u:p@tcp(h:1)/d?tls=skip-verify").jdbcUrl().endsWith("&sslMode=REQUIRED"));
        assertTrue(parse("u:p@tcp(h:1)/d?tls=preferred").jdbcUrl().endsWith("&sslMode=PREFERRED"));
        assertTrue(parse("u:p@tcp(h:1)/d?tls=false").jdbcUrl().endsWith("&sslMode=DISABLED"));
        assertTrue(parse("u:p@tcp(h:1)/d?tls=custom").jdbcUrl().endsWith("&sslMode=REQUIRED"));
    }

    @Test
    void mysqlTimeoutBecomesConnectTimeoutAndOtherParamsAreDropped() {
        assertEquals("jdbc:mysql://h:3307/d?" + MYSQL_DEFAULTS + "&sslMode=DISABLED&connectTimeout=90000",
                parse("u:p@tcp(h:3307)/d?timeout=1m30s&charset=latin1&collation=x&readTimeout=5s").jdbcUrl());
        assertEquals("500", MysqlDsn.millis("500ms"));
        assertEquals("1500", MysqlDsn.millis("1.5s"));
        assertEquals(null, MysqlDsn.millis("5"));
        assertEquals(null, MysqlDsn.millis("5sx"));
        assertTrue(parse("u:p@tcp(h)/d?timeout=soon").jdbcUrl().endsWith("sslMode=DISABLED"));
    }

    @Test
    void mysqlAddressForms() {
        assertTrue(parse("u@tcp(h)/d").jdbcUrl().startsWith("jdbc:mysql://h:3306/d?"));
        assertTrue(parse("u@tcp(h)/d").password().isEmpty());
        assertTrue(parse("u:p@tcp6([::1]:3310)/d").jdbcUrl().startsWith("jdbc:mysql://[::1]:3310/d?"));
        assertTrue(parse("u:p@tcp(::1)/d").jdbcUrl().startsWith("jdbc:mysql://[::1]:3306/d?"));
        assertTrue(parse("tcp(db:3306)/d").jdbcUrl().startsWith("jdbc:mysql://db:3306/d?"));
        assertTrue(parse("u:p@tcp/d").jdbcUrl().startsWith("jdbc:mysql://127.0.0.1:3306/d?"));
        assertEquals("", parse("tcp(db:3306)/d").user());
    }

    @Test
    void mysqlUnixSocketIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("u:Sup3r-S3cret@unix(/var/run/mysqld/mysqld.sock)/db"));
        assertTrue(e.getMessage().contains("unix"), e.getMessage());
    }

    // --- jdbc: ---

    @Test
    void jdbcUrlsPassThroughWithKindFromSubProtocol() {
        DatabaseDsn h2 = parse("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertEquals(Kind.H2, h2.kind());
        assertEquals("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", h2.jdbcUrl());
        assertEquals("", h2.user());
        assertEquals("", h2.password());
        DatabaseDsn pg = parse("jdbc:postgresql://db/app?user=a&password=b");
        assertEquals(Kind.POSTGRESQL, pg.kind());
        assertEquals("jdbc:postgresql://db/app?user=a&password=b&stringtype=unspecified", pg.jdbcUrl());
        assertEquals("org.postgresql.ds.PGSimpleDataSource", pg.dataSourceClass());
        DatabaseDsn mysql = parse("jdbc:mysql://db:3306/app");
        assertEquals(Kind.MYSQL, mysql.kind());
        assertEquals("jdbc:mysql://db:3306/app", mysql.jdbcUrl());
    }

    @Test
    void jdbcPrefixIsCaseInsensitive() {
        assertEquals("jdbc:h2:mem:x", parse("JDBC:h2:mem:x").jdbcUrl());
        assertEquals("jdbc:mysql://db/app", parse("Jdbc:MariaDB://db/app").jdbcUrl());
    }

    @Test
    void mariadbJdbcUrlIsServedByTheMysqlDriver() {
        DatabaseDsn dsn = parse("jdbc:mariadb://db:3306/app");
        assertEquals(Kind.MYSQL, dsn.kind());
        assertEquals("jdbc:mysql://db:3306/app", dsn.jdbcUrl());
        assertEquals("com.mysql.cj.jdbc.MysqlDataSource", dsn.dataSourceClass());
    }

    @Test
    void unsupportedJdbcSubProtocolIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("jdbc:sqlite:/tmp/x.db"));
        assertTrue(e.getMessage().contains("'sqlite'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("jdbc:"));
    }

    @Test
    void unknownUrlSchemesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("mysql://u:p@h/db"));
        assertThrows(IllegalArgumentException.class, () -> parse("sqlite:///data/x.db"));
    }

    // --- malformed input never leaks the password ---

    @ParameterizedTest
    @ValueSource(strings = {
        "postgres://u:Sup3r-S3cret@h:99999/db",
        "postgres://u:Sup3r-S3cret@h:abc/db",
        "postgres://u:Sup3r-S3cret%zz@h/db",
        "postgres://u:Sup3r-S3cret%C3@h/db",
        "postgres://u:Sup3r-S3cret@[::1/db",
        "postgres://u:Sup3r-S3cret@%2Fvar%2Frun/db",
        "host=h password='Sup3r-S3cret",
        "host=h Sup3r-S3cret",
        "host=/var/run/postgresql password=Sup3r-S3cret",
        "host=a,b password=Sup3r-S3cret",
        "host=h port=0 password=Sup3r-S3cret",
        "u:Sup3r-S3cret@tcp(h:70000)/db",
        "u:Sup3r-S3cret@tcp(h:x)/db",
        "u:Sup3r-S3cret@tcp(h",
        "u:Sup3r-S3cret@tcp(h)x/db",
        "u:Sup3r-S3cret@udp(h)/db",
        "u:Sup3r-S3cret@tcp([::1)/db",
        "u:Sup3r-S3cret@tcp(:3306)/db",
        "u:Sup3r-S3cret@tcp(h)/db?timeout=%zz",
        "jdbc:Sup3r-S3cret://x",
        "redis://u:Sup3r-S3cret@h/0",
    })
    void malformedDsnsAreRejectedWithoutThePassword(String dsn) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(dsn));
        assertFalse(e.getMessage().contains("S3cret"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    // --- rendering ---

    @Test
    void toStringMasksThePassword() {
        DatabaseDsn dsn = parse("postgres://postgres:Sup3r-S3cret@db:5432/gpt-load?sslmode=disable");
        assertFalse(dsn.toString().contains("S3cret"), dsn.toString());
        assertTrue(dsn.toString().contains("password=****"), dsn.toString());
        assertTrue(dsn.toString().contains("user=postgres"), dsn.toString());
        assertTrue(parse("").toString().contains("password=,"), parse("").toString());
    }

    @Test
    void describeGivesKindAndUrlWithoutCredentials() {
        assertEquals("POSTGRESQL jdbc:postgresql://db:5432/gpt-load?sslmode=disable&stringtype=unspecified",
                parse("postgres://postgres:Sup3r-S3cret@db:5432/gpt-load?sslmode=disable").describe());
        assertEquals("POSTGRESQL jdbc:postgresql://db/app?ssl=true&stringtype=unspecified",
                parse("jdbc:postgresql://db/app?user=a&password=Sup3r-S3cret&ssl=true").describe());
        assertEquals("POSTGRESQL jdbc:postgresql://db/app?ssl=true&stringtype=unspecified",
                parse("jdbc:postgresql://db/app?ssl=true&sslpassword=Sup3r-S3cret").describe());
        assertEquals("H2 jdbc:h2:file:/x/db;MODE=MySQL",
                parse("jdbc:h2:file:/x/db;USER=sa;PASSWORD=Sup3r-S3cret;MODE=MySQL").describe());
        assertEquals("MYSQL jdbc:mysql://db:3306/app",
                parse("jdbc:mysql://root:Sup3r-S3cret@db:3306/app").describe());
        DatabaseDsn jdbcWithSecret = parse("jdbc:mysql://root:Sup3r-S3cret@db:3306/app?password=Sup3r-S3cret");
        assertFalse(jdbcWithSecret.toString().contains("S3cret"), jdbcWithSecret.toString());
    }

    @Test
    void recordValidatesItsComponents() {
        assertThrows(NullPointerException.class, () -> new DatabaseDsn(null, "jdbc:h2:mem:x", "", "", "c"));
        assertThrows(NullPointerException.class, () -> new DatabaseDsn(Kind.H2, "jdbc:h2:mem:x", null, "", "c"));
        assertThrows(IllegalArgumentException.class, () -> new DatabaseDsn(Kind.H2, "h2:mem:x", "", "", "c"));
        assertThrows(NullPointerException.class, () -> DatabaseDsn.parse("", null));
    }
}
