package io.gptload.shared.db;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL DSNs as gpt-load users write them: the URL form
 * {@code postgres://user:pass@host:port/db?sslmode=disable} and the key/value form
 * {@code host=... user=... password=... dbname=... port=... sslmode=...}. Only the parameters that
 * the JDBC driver understands are kept: {@code sslmode}, {@code application_name},
 * {@code connect_timeout} (as {@code connectTimeout}).
 */
final class PostgresDsn {

    private static final String DEFAULT_PORT = "5432";
    private static final String PREFIX = "jdbc:postgresql://";

    private PostgresDsn() {
    }

    static DatabaseDsn fromUrl(String dsn) {
        String rest = dsn.substring(dsn.indexOf("://") + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        rest = question < 0 ? rest : rest.substring(0, question);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : UrlCodec.decode(rest.substring(slash + 1), "PostgreSQL database name");
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        Map<String, String> params = queryParams(query);
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        user = user.isEmpty() ? params.getOrDefault("user", "") : UrlCodec.decode(user, "PostgreSQL user");
        String password = colon < 0 ? params.getOrDefault("password", "")
                : UrlCodec.decode(userInfo.substring(colon + 1), "PostgreSQL password");
        return build(address(hostPort), database, user, password, params);
    }

    static DatabaseDsn fromKeyValue(String dsn) {
        Map<String, String> params = KeyValueReader.read(dsn);
        String host = params.getOrDefault("host", params.getOrDefault("hostaddr", ""));
        if (host.indexOf(',') >= 0) {
            throw new IllegalArgumentException("PostgreSQL DSN: multiple hosts are not supported in key/value form");
        }
        if (host.startsWith("/")) {
            throw new IllegalArgumentException("PostgreSQL DSN: Unix-domain sockets are not supported; use a TCP host");
        }
        host = host.isEmpty() ? "localhost" : host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        String port = params.getOrDefault("port", "");
        String hostPort = host + ":" + (port.isEmpty() ? DEFAULT_PORT : validPort(port));
        return build(hostPort, params.getOrDefault("dbname", ""), params.getOrDefault("user", ""),
                params.getOrDefault("password", ""), params);
    }

    private static DatabaseDsn build(String hostPort, String database, String user, String password,
            Map<String, String> params) {
        String db = database.isEmpty() ? user : database;
        StringBuilder url = new StringBuilder(PREFIX).append(hostPort).append('/').append(UrlCodec.encode(db));
        char separator = '?';
        for (String[] mapping : new String[][] {
            {"sslmode", "sslmode"}, {"application_name", "ApplicationName"}, {"connect_timeout", "connectTimeout"}}) {
            String value = params.get(mapping[0]);
            if (value != null && !value.isEmpty()) {
                url.append(separator).append(mapping[1]).append('=').append(UrlCodec.encode(value));
                separator = '&';
            }
        }
        // JSON columns (jsonb in gpt-load's schema) accept string parameters only when untyped
        url.append(separator).append("stringtype=unspecified");
        DatabaseDsn.Kind kind = DatabaseDsn.Kind.POSTGRESQL;
        return new DatabaseDsn(kind, url.toString(), user, password, kind.dataSourceClass());
    }

    /** host:port for the JDBC URL; default host localhost, default port 5432, host lists passed through. */
    private static String address(String hostPort) {
        if (hostPort.isEmpty()) {
            return "localhost:" + DEFAULT_PORT;
        }
        if (hostPort.indexOf(',') >= 0) {
            return hostPort;
        }
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || (close + 1 < hostPort.length() && hostPort.charAt(close + 1) != ':')) {
                throw new IllegalArgumentException("PostgreSQL DSN: malformed IPv6 host");
            }
            host = hostPort.substring(0, close + 1);
            port = close + 1 < hostPort.length() ? hostPort.substring(close + 2) : "";
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (host.regionMatches(true, 0, "%2F", 0, 3)) {
            throw new IllegalArgumentException("PostgreSQL DSN: Unix-domain sockets are not supported; use a TCP host");
        }
        return host + ":" + (port.isEmpty() ? DEFAULT_PORT : validPort(port));
    }

    static String validPort(String port) {
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("PostgreSQL DSN: port must be a number between 1 and 65535");
        }
        return port;
    }

    private static Map<String, String> queryParams(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(UrlCodec.decode(key, "PostgreSQL DSN parameter name"),
                    UrlCodec.decode(value, "PostgreSQL DSN parameter value"));
        }
        return params;
    }
}
