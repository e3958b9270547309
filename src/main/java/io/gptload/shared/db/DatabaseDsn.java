package io.gptload.shared.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed {@code DATABASE_DSN}: which database, its JDBC URL, credentials and the data source class
 * to configure. {@link #toString()} and {@link #describe()} never show the password.
 *
 * @param kind            database family
 * @param jdbcUrl         JDBC URL (without user and password, except what a given {@code jdbc:} URL carries)
 * @param user            user name, may be empty
 * @param password        password, may be empty
 * @param dataSourceClass fully qualified {@code javax.sql.DataSource} implementation
 */
public record DatabaseDsn(Kind kind, String jdbcUrl, String user, String password, String dataSourceClass) {

    /** The supported database families with their data source classes. */
    public enum Kind {
        H2("org.h2.jdbcx.JdbcDataSource"),
        POSTGRESQL("org.postgresql.ds.PGSimpleDataSource"),
        MYSQL("com.mysql.cj.jdbc.MysqlDataSource");

        private final String dataSourceClass;

        Kind(String dataSourceClass) {
            this.dataSourceClass = dataSourceClass;
        }

        /** Fully qualified data source class name for this kind. */
        public String dataSourceClass() {
            return dataSourceClass;
        }
    }

    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final Pattern KEY_VALUE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*=.*", Pattern.DOTALL);
    private static final Pattern JDBC_SUB_PROTOCOL = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern CREDENTIAL_PARAM =
            Pattern.compile("(?i)(user|username|[^=]*password[^=]*|pwd)=.*", Pattern.DOTALL);

    public DatabaseDsn {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        Objects.requireNonNull(user, "user must not be null (use \"\")");
        Objects.requireNonNull(password, "password must not be null (use \"\")");
        Objects.requireNonNull(dataSourceClass, "dataSourceClass must not be null");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:");
        }
    }

    /**
     * Parses a {@code DATABASE_DSN}. Empty means the H2 database {@code <workingDir>/data/gpt-load}.
     *
     * @throws IllegalArgumentException naming the problem (never the password) when malformed
     */
    public static DatabaseDsn parse(String dsn, Path workingDir) {
        Objects.requireNonNull(workingDir, "workingDir must not be null");
        if (dsn == null || dsn.isBlank()) {
            return EmbeddedDsn.file("data/gpt-load", workingDir);
        }
        String value = dsn.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return jdbc(value);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return PostgresDsn.fromUrl(value);
        }
        if (MysqlDsn.looksLikeMysql(value)) {
            return MysqlDsn.parse(value);
        }
        if (KEY_VALUE.matcher(value).matches()) {
            return PostgresDsn.fromKeyValue(value);
        }
        if (URL_SCHEME.matcher(value).matches()) {
            throw new IllegalArgumentException("unsupported DATABASE_DSN scheme; use a file path, "
                    + "postgres://..., user:password@tcp(host:port)/dbname or a jdbc: URL");
        }
        return EmbeddedDsn.fromPath(value, workingDir);
    }

    private static DatabaseDsn jdbc(String url) {
        int colon = url.indexOf(':', 5);
        String sub = colon < 0 ? "" : url.substring(5, colon);
        Kind kind = switch (sub.toLowerCase(Locale.ROOT)) {
            case "h2" -> Kind.H2;
            case "postgresql" -> Kind.POSTGRESQL;
            case "mysql", "mariadb" -> Kind.MYSQL;
            default -> throw new IllegalArgumentException("unsupported JDBC sub-protocol"
                    + (JDBC_SUB_PROTOCOL.matcher(sub).matches() ? " '" + sub + "'" : "")
                    + "; supported: h2, postgresql, mysql, mariadb");
        };
        String jdbcUrl = kind == Kind.MYSQL ? "jdbc:mysql:" + url.substring(colon + 1) : "jdbc:" + url.substring(5);
        if (kind == Kind.POSTGRESQL && !jdbcUrl.contains("stringtype=")) {
            jdbcUrl += (jdbcUrl.contains("?") ? "&" : "?") + "stringtype=unspecified";
        }
        return new DatabaseDsn(kind, jdbcUrl, "", "", kind.dataSourceClass());
    }

    /**
     * The JDBC URL with the credentials as URL parameters, for data source definitions that cannot
     * carry an empty password separately. H2 (embedded, local file) keeps its URL: its data source
     * refuses a user given twice. Never log it.
     */
    public String urlWithCredentials() {
        if (kind == Kind.H2 || (user.isEmpty() && password.isEmpty())) {
            return jdbcUrl;
        }
        String sep = jdbcUrl.contains("?") ? "&" : "?";
        return jdbcUrl + sep + "user=" + UrlCodec.encode(user) + "&password=" + UrlCodec.encode(password);
    }

    /** Kind and URL without any credentials, for logs, e.g. {@code POSTGRESQL jdbc:postgresql://db:5432/app}. */
    public String describe() {
        return kind + " " + urlWithoutCredentials(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseDsn[kind=" + kind + ", jdbcUrl=" + urlWithoutCredentials(jdbcUrl) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", dataSourceClass=" + dataSourceClass + "]";
    }

    /** Removes user-info and user/password parameters ({@code ?a=b&...} and {@code ;a=b} styles). */
    static String urlWithoutCredentials(String url) {
        String noUserInfo = url.replaceFirst("//[^/?;#]*@", "//");
        int question = noUserInfo.indexOf('?');
        String head = question < 0 ? noUserInfo : noUserInfo.substring(0, question);
        StringBuilder out = new StringBuilder();
        String[] semicolonParts = head.split(";", -1);
        out.append(semicolonParts[0]);
        for (int i = 1; i < semicolonParts.length; i++) {
            if (!CREDENTIAL_PARAM.matcher(semicolonParts[i]).matches()) {
                out.append(';').append(semicolonParts[i]);
            }
        }
        if (question >= 0) {
            char separator = '?';
            for (String param : noUserInfo.substring(question + 1).split("&")) {
                if (!param.isEmpty() && !CREDENTIAL_PARAM.matcher(param).matches()) {
                    out.append(separator).append(param);
                    separator = '&';
                }
            }
        }
        return out.toString();
    }
}
