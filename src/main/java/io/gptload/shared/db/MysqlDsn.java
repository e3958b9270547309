package io.gptload.shared.db;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL DSNs in the Go driver's form {@code user:password@tcp(host:port)/dbname?param=value}, read
 * as that driver does: the database starts after the last {@code /}, the user-info ends at the last
 * {@code @} before it, and the password is everything after the user's first {@code :} (so it may
 * contain {@code @}, {@code :} and {@code /}). Go-only parameters are dropped; {@code tls} becomes
 * {@code sslMode} and {@code timeout} becomes {@code connectTimeout}.
 */
final class MysqlDsn {

    private static final Pattern NETWORK = Pattern.compile("([a-z0-9]+)(?:\\((.*)\\))?", Pattern.DOTALL);
    private static final Pattern NETWORK_AFTER_AT = Pattern.compile("@[a-z][a-z0-9]*\\(");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final String DEFAULT_PORT = "3306";

    private MysqlDsn() {
    }

    /** True for DSNs that name a Go-driver network: {@code ...@tcp...}, {@code ...@net(...)} or a leading {@code tcp(}. */
    static boolean looksLikeMysql(String dsn) {
        return dsn.contains("@tcp") || NETWORK_AFTER_AT.matcher(dsn).find()
                || dsn.startsWith("tcp(") || dsn.startsWith("unix(");
    }

    static DatabaseDsn parse(String dsn) {
        int slash = dsn.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("MySQL DSN must end with /dbname (user:password@tcp(host:port)/dbname)");
        }
        String head = dsn.substring(0, slash);
        int at = head.lastIndexOf('@');
        String userInfo = at < 0 ? "" : head.substring(0, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        String tail = dsn.substring(slash + 1);
        int question = tail.indexOf('?');
        String database = question < 0 ? tail : tail.substring(0, question);
        String query = question < 0 ? "" : tail.substring(question + 1);
        String url = "jdbc:mysql://" + address(head.substring(at + 1)) + "/" + database + "?" + params(query);
        DatabaseDsn.Kind kind = DatabaseDsn.Kind.MYSQL;
        return new DatabaseDsn(kind, url, user, password, kind.dataSourceClass());
    }

    private static String address(String network) {
        if (network.isEmpty()) {
            return "127.0.0.1:" + DEFAULT_PORT;
        }
        Matcher m = NETWORK.matcher(network);
        if (!m.matches()) {
            throw new IllegalArgumentException("MySQL DSN: expected tcp(host:port) before /dbname");
        }
        String net = m.group(1);
        if (net.equals("unix")) {
            throw new IllegalArgumentException("MySQL DSN: unix(socket) addresses are not supported; use tcp(host:port)");
        }
        if (!net.equals("tcp") && !net.equals("tcp4") && !net.equals("tcp6")) {
            throw new IllegalArgumentException("MySQL DSN: unsupported network; use tcp(host:port)");
        }
        String addr = m.group(2) == null ? "" : m.group(2).strip();
        if (addr.isEmpty()) {
            return "127.0.0.1:" + DEFAULT_PORT;
        }
        String host;
        String port;
        if (addr.startsWith("[")) {
            int close = addr.indexOf(']');
            if (close < 0 || (close + 1 < addr.length() && addr.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("MySQL DSN: malformed IPv6 address");
            }
            host = addr.substring(0, close + 1);
            port = close + 1 < addr.length() ? addr.substring(close + 2) : "";
        } else if (addr.indexOf(':') != addr.lastIndexOf(':')) {
            host = "[" + addr + "]";
            port = "";
        } else {
            int colon = addr.indexOf(':');
            host = colon < 0 ? addr : addr.substring(0, colon);
            port = colon < 0 ? "" : addr.substring(colon + 1);
        }
        if (host.isEmpty() || host.matches(".*[\\s/?#@,].*")) {
            throw new IllegalArgumentException("MySQL DSN: invalid host in tcp(host:port)");
        }
        if (!port.isEmpty() && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535)) {
            throw new IllegalArgumentException("MySQL DSN: port must be a number between 1 and 65535");
        }
        return host + ":" + (port.isEmpty() ? DEFAULT_PORT : port);
    }

    private static String params(String query) {
        String sslMode = "DISABLED";
        String connectTimeout = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = UrlCodec.decode(pair.substring(eq + 1), "MySQL DSN parameter value").strip();
            switch (pair.substring(0, eq)) {
                case "tls" -> sslMode = switch (value.toLowerCase(Locale.ROOT)) {
                    case "false" -> "DISABLED";
                    case "preferred" -> "PREFERRED";
                    default -> "REQUIRED";
                };
                case "timeout" -> connectTimeout = millis(value);
                default -> {
                    // parseTime, loc, charset, collation, ... have no JDBC meaning here
                }
            }
        }
        return "useUnicode=true&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=" + sslMode
                + (connectTimeout == null ? "" : "&connectTimeout=" + connectTimeout);
    }

    /** A Go duration such as {@code 30s}, {@code 1m30s} or {@code 500ms} in milliseconds; null if unreadable. */
    static String millis(String duration) {
        Matcher m = DURATION_PART.matcher(duration);
        double total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double amount = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            end = m.end();
        }
        if (end == 0 || end != duration.length() || total > Integer.MAX_VALUE) {
            return null;
        }
        return Long.toString(Math.round(total));
    }
}
