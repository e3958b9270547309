package io.gptload.cluster;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code REDIS_DSN} as gpt-load reads it: {@code redis://[user:password@]host[:port][/db]}, or
 * {@code rediss://} for TLS. A password alone is written {@code redis://:secret@host}; a lone
 * {@code redis://name@host} is a user name without password, as go-redis reads it.
 * {@link #toString()} never shows the password.
 */
public record RedisDsn(String host, int port, String user, String password, int database, boolean tls) {

    public static final int DEFAULT_PORT = 6379;

    public RedisDsn {
        Objects.requireNonNull(host, "host");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * Parses a DSN.
     *
     * @throws IllegalArgumentException with a message that names the problem but not the password
     */
    public static RedisDsn parse(String dsn) {
        if (dsn == null || dsn.isBlank()) {
            throw new IllegalArgumentException("REDIS_DSN is empty");
        }
        URI uri;
        try {
            uri = new URI(dsn.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("REDIS_DSN is not a valid URL (expected redis://[user:password@]host:port/db)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("REDIS_DSN must start with redis:// or rediss://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("REDIS_DSN has no host (expected redis://[user:password@]host:port/db)");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        int db = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("REDIS_DSN database must be a number, got '" + path.substring(1) + "'");
            }
            if (db < 0) {
                throw new IllegalArgumentException("REDIS_DSN database must not be negative");
            }
        }
        return new RedisDsn(host, port, user, password, db, scheme.equals("rediss"));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (user.isEmpty() && password.isEmpty() ? "" : (user + ":****@"))
                + host + ":" + port + "/" + database;
    }
}
