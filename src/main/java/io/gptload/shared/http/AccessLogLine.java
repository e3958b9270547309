package io.gptload.shared.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;

/**
 * One access-log line (spec §1 row 55): {@code METHOD path?query - status - latency}, the latency
 * as Go prints a duration. The value of every {@code key} query parameter (a proxy or admin key)
 * and of every {@code key_value} (the console's search of logs and keys by an upstream key) is
 * replaced by {@code ***} (DECISIONS 21); no header is ever part of the line.
 */
public final class AccessLogLine {

    /** The logger every access-log line goes to. */
    public static final String LOGGER = "io.gptload.access";

    public static final String MASK = "***";

    /** Query parameters whose values are secrets, compared decoded and case-insensitively. */
    static final java.util.Set<String> SECRET_PARAMETERS = java.util.Set.of("key", "key_value");

    private AccessLogLine() {
    }

    public static String format(String method, String rawPath, String rawQuery, int status, Duration latency) {
        String query = maskKeys(rawQuery);
        return method + " " + rawPath + (query.isEmpty() ? "" : "?" + query) + " - " + status + " - "
                + GoDuration.format(latency);
    }

    /** info below 400, warn for 4xx, error for 5xx, as gpt-load logs them. */
    public static Level level(int status) {
        return status >= 500 ? Level.SEVERE : status >= 400 ? Level.WARNING : Level.INFO;
    }

    /** {@code /health} answers are logged only when they are errors. */
    public static boolean worthLogging(String rawPath, int status) {
        return status >= 400 || !"/health".equals(rawPath);
    }

    /** The raw query with each secret parameter's value masked; {@code ""} for none. */
    public static String maskKeys(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(rawQuery.length());
        for (String pair : rawQuery.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(isSecret(name) ? name + "=" + MASK : pair);
        }
        return out.toString();
    }

    private static boolean isSecret(String rawName) {
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = rawName;
        }
        return SECRET_PARAMETERS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    /** Logs one finished request to {@code log}, at its status's level, unless not worth logging. */
    public static void log(java.util.logging.Logger log, String method, String rawPath, String rawQuery, int status,
                           long startNanos) {
        if (!worthLogging(rawPath, status)) {
            return;
        }
        Level level = level(status);
        if (log.isLoggable(level)) {
            log.log(level, format(method, rawPath, rawQuery, status, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }
}
