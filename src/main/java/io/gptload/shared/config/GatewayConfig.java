package io.gptload.shared.config;

import java.time.Duration;
import java.util.List;

/**
 * Every static setting of spec §5.1 plus {@code TRUSTED_PROXIES}, the job intervals and
 * {@code MAX_REQUEST_BODY_BYTES}, read once at start. Secrets ({@code AUTH_KEY},
 * {@code ENCRYPTION_KEY}, DSNs) are never part of {@link #toString()}.
 */
public record GatewayConfig(Server server, Security security, Storage storage, ProxyLimits proxy,
                            Cors cors, Logging logging, Jobs jobs) {

    /** Listener and timeouts. Timeouts below the minimum are raised to it, as gpt-load does. */
    public record Server(String host, int port, Duration readTimeout, Duration writeTimeout,
                         Duration idleTimeout, Duration gracefulShutdownTimeout, boolean slave) {
    }

    /** Admin and encryption secrets. */
    public record Security(String authKey, String encryptionKey) {
        @Override
        public String toString() {
            return "Security[authKey=****, encryptionKey=" + (encryptionKey.isEmpty() ? "none" : "****") + "]";
        }
    }

    /** Where state lives. */
    public record Storage(String databaseDsn, String redisDsn) {
        @Override
        public String toString() {
            return "Storage[database=" + (databaseDsn.isEmpty() ? "embedded" : "configured")
                    + ", redis=" + (redisDsn.isEmpty() ? "none" : "configured") + "]";
        }
    }

    /**
     * Limits of the data plane, and its front door: with {@code PROXY_FAST_PATH} (default true)
     * {@code /proxy} is served by the application server's HTTP layer directly where it can be
     * (Payara's Grizzly), else through JAX-RS like every other route.
     */
    public record ProxyLimits(int maxConcurrentRequests, long maxRequestBodyBytes, List<String> trustedProxies,
                              boolean fastPath) {
    }

    /** Cross-origin settings. */
    public record Cors(boolean enabled, List<String> allowedOrigins, List<String> allowedMethods,
                       List<String> allowedHeaders, boolean allowCredentials) {
    }

    /** Logging settings. */
    public record Logging(String level, String format, boolean enableFile, String filePath) {
    }

    /**
     * How often the background jobs wake up: {@code KEY_VALIDATION_CHECK_INTERVAL_SECONDS}
     * (default 300, gpt-load's 5-minute cron tick) and {@code LOG_CLEANUP_INTERVAL_SECONDS}
     * (default 7200, its 2-hour retention run). Values below 1 second fall back to the default.
     */
    public record Jobs(Duration keyValidationCheckInterval, Duration logCleanupInterval) {
    }

    public static final long DEFAULT_MAX_BODY = 32L * 1024 * 1024;

    /** Reads the configuration; unparseable values fall back to their defaults. */
    public static GatewayConfig read(ConfigLookup c) {
        Server server = new Server(
                c.string("HOST", "0.0.0.0"),
                c.integer("PORT", 3001),
                seconds(c.integer("SERVER_READ_TIMEOUT", 60), 1),
                seconds(c.integer("SERVER_WRITE_TIMEOUT", 600), 1),
                seconds(c.integer("SERVER_IDLE_TIMEOUT", 120), 1),
                seconds(c.integer("SERVER_GRACEFUL_SHUTDOWN_TIMEOUT", 10), 10),
                c.bool("IS_SLAVE", false));
        Security security = new Security(c.string("AUTH_KEY", ""), c.string("ENCRYPTION_KEY", ""));
        Storage storage = new Storage(c.string("DATABASE_DSN", ""), c.string("REDIS_DSN", ""));
        int maxConcurrent = c.integer("MAX_CONCURRENT_REQUESTS", 1000);
        long maxBody = c.longValue("MAX_REQUEST_BODY_BYTES", DEFAULT_MAX_BODY);
        ProxyLimits proxy = new ProxyLimits(maxConcurrent < 1 ? 1000 : maxConcurrent,
                maxBody < 1 ? DEFAULT_MAX_BODY : maxBody, c.list("TRUSTED_PROXIES", List.of()),
                c.bool("PROXY_FAST_PATH", true));
        Cors cors = new Cors(c.bool("ENABLE_CORS", false), c.list("ALLOWED_ORIGINS", List.of()),
                c.list("ALLOWED_METHODS", List.of("GET", "POST", "PUT", "DELETE", "OPTIONS")),
                c.list("ALLOWED_HEADERS", List.of("*")), c.bool("ALLOW_CREDENTIALS", false));
        Logging logging = new Logging(c.string("LOG_LEVEL", "info"), c.string("LOG_FORMAT", "text"),
                c.bool("LOG_ENABLE_FILE", false), c.string("LOG_FILE_PATH", "./data/logs/app.log"));
        Jobs jobs = new Jobs(positiveSeconds(c.integer("KEY_VALIDATION_CHECK_INTERVAL_SECONDS", 300), 300),
                positiveSeconds(c.integer("LOG_CLEANUP_INTERVAL_SECONDS", 7200), 7200));
        return new GatewayConfig(server, security, storage, proxy, cors, logging, jobs);
    }

    private static Duration positiveSeconds(int value, int dflt) {
        return Duration.ofSeconds(value < 1 ? dflt : value);
    }

    private static Duration seconds(int value, int min) {
        return Duration.ofSeconds(Math.max(value, min));
    }
}
