package io.gptload.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;

/**
 * The logging part of spec §5.1 as the launcher needs it before the server exists:
 * {@code LOG_LEVEL} (debug, info, warn, error; anything else is info), {@code LOG_FORMAT}
 * ({@code json} or text), {@code LOG_ENABLE_FILE} (gpt-load's lenient booleans) and
 * {@code LOG_FILE_PATH} (default {@code ./data/logs/app.log}).
 */
record LogSettings(Level level, boolean json, boolean toFile, String filePath) {

    static final String DEFAULT_FILE = "./data/logs/app.log";

    LogSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(filePath, "filePath");
    }

    static LogSettings resolve(Map<String, String> env, Map<String, String> dotEnv) {
        String path = LaunchSettings.lookup("LOG_FILE_PATH", env, dotEnv, DEFAULT_FILE).strip();
        return new LogSettings(
                level(LaunchSettings.lookup("LOG_LEVEL", env, dotEnv, "info")),
                "json".equalsIgnoreCase(LaunchSettings.lookup("LOG_FORMAT", env, dotEnv, "text").strip()),
                bool(LaunchSettings.lookup("LOG_ENABLE_FILE", env, dotEnv, "false"), false),
                path.isEmpty() ? DEFAULT_FILE : path);
    }

    static Level level(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "debug", "trace" -> Level.FINE;
            case "warn", "warning" -> Level.WARNING;
            case "error", "fatal", "panic" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }

    private static boolean bool(String v, boolean dflt) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> dflt;
        };
    }
}
