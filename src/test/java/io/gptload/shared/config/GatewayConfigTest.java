package io.gptload.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    private static GatewayConfig read(Map<String, String> env) {
        return GatewayConfig.read(new ConfigLookup(k -> Optional.ofNullable(env.get(k))));
    }

    @Test
    void defaultsAreGptLoadsPlusOurs() {
        GatewayConfig c = read(Map.of());
        assertEquals("0.0.0.0", c.server().host());
        assertEquals(3001, c.server().port());
        assertEquals(Duration.ofSeconds(60), c.server().readTimeout());
        assertEquals(Duration.ofSeconds(600), c.server().writeTimeout());
        assertEquals(Duration.ofSeconds(120), c.server().idleTimeout());
        assertEquals(Duration.ofSeconds(10), c.server().gracefulShutdownTimeout());
        assertFalse(c.server().slave());
        assertEquals("", c.security().authKey());
        assertEquals("", c.storage().databaseDsn());
        assertEquals(1000, c.proxy().maxConcurrentRequests());
        assertTrue(c.proxy().fastPath(), "PROXY_FAST_PATH is on by default");
        assertEquals(32L * 1024 * 1024, c.proxy().maxRequestBodyBytes());
        assertEquals(List.of(), c.proxy().trustedProxies());
        assertFalse(c.cors().enabled());
        assertEquals(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"), c.cors().allowedMethods());
        assertEquals("info", c.logging().level());
        assertEquals("./data/logs/app.log", c.logging().filePath());
        assertEquals(Duration.ofMinutes(5), c.jobs().keyValidationCheckInterval());
        assertEquals(Duration.ofHours(2), c.jobs().logCleanupInterval());
    }

    @Test
    void jobIntervalsAreConfigurableAndFallBackWhenNotPositive() {
        GatewayConfig c = read(Map.of("KEY_VALIDATION_CHECK_INTERVAL_SECONDS", "2", "LOG_CLEANUP_INTERVAL_SECONDS", "3"));
        assertEquals(Duration.ofSeconds(2), c.jobs().keyValidationCheckInterval());
        assertEquals(Duration.ofSeconds(3), c.jobs().logCleanupInterval());
        GatewayConfig bad = read(Map.of("KEY_VALIDATION_CHECK_INTERVAL_SECONDS", "0", "LOG_CLEANUP_INTERVAL_SECONDS", "x"));
        assertEquals(Duration.ofSeconds(300), bad.jobs().keyValidationCheckInterval());
        assertEquals(Duration.ofSeconds(7200), bad.jobs().logCleanupInterval());
    }

    @Test
    void mapsEveryVariable() {
        GatewayConfig c = read(Map.ofEntries(
                Map.entry("HOST", "127.0.0.1"), Map.entry("PORT", "4000"),
                Map.entry("SERVER_READ_TIMEOUT", "5"), Map.entry("SERVER_WRITE_TIMEOUT", "7"),
                Map.entry("SERVER_IDLE_TIMEOUT", "9"), Map.entry("SERVER_GRACEFUL_SHUTDOWN_TIMEOUT", "30"),
                Map.entry("IS_SLAVE", "yes"), Map.entry("AUTH_KEY", "admin"), Map.entry("ENCRYPTION_KEY", "enc"),
                Map.entry("DATABASE_DSN", "postgres://x"), Map.entry("REDIS_DSN", "redis://y"),
                Map.entry("MAX_CONCURRENT_REQUESTS", "50"), Map.entry("MAX_REQUEST_BODY_BYTES", "1024"),
                Map.entry("PROXY_FAST_PATH", "false"), Map.entry("TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1"), Map.entry("ENABLE_CORS", "on"),
                Map.entry("ALLOWED_ORIGINS", "https://a.example,https://b.example"), Map.entry("ALLOW_CREDENTIALS", "1"),
                Map.entry("LOG_LEVEL", "debug"), Map.entry("LOG_FORMAT", "json"), Map.entry("LOG_ENABLE_FILE", "true"),
                Map.entry("LOG_FILE_PATH", "/var/log/gw.log")));
        assertEquals("127.0.0.1", c.server().host());
        assertEquals(4000, c.server().port());
        assertEquals(Duration.ofSeconds(5), c.server().readTimeout());
        assertEquals(Duration.ofSeconds(7), c.server().writeTimeout());
        assertEquals(Duration.ofSeconds(9), c.server().idleTimeout());
        assertEquals(Duration.ofSeconds(30), c.server().gracefulShutdownTimeout());
        assertTrue(c.server().slave());
        assertEquals("admin", c.security().authKey());
        assertEquals("enc", c.security().encryptionKey());
        assertEquals("postgres://x", c.storage().databaseDsn());
        assertEquals("redis://y", c.storage().redisDsn());
        assertEquals(50, c.proxy().maxConcurrentRequests());
        assertEquals(1024, c.proxy().maxRequestBodyBytes());
        assertFalse(c.proxy().fastPath());
        assertEquals(List.of("10.0.0.0/8", "127.0.0.1"), c.proxy().trustedProxies());
        assertTrue(c.cors().enabled());
        assertEquals(List.of("https://a.example", "https://b.example"), c.cors().allowedOrigins());
        assertTrue(c.cors().allowCredentials());
        assertEquals("json", c.logging().format());
        assertTrue(c.logging().enableFile());
    }

    @Test
    void badValuesFallBackAndMinimumsApply() {
        GatewayConfig c = read(Map.of("PORT", "abc", "IS_SLAVE", "maybe", "SERVER_GRACEFUL_SHUTDOWN_TIMEOUT", "3",
                "MAX_CONCURRENT_REQUESTS", "0", "MAX_REQUEST_BODY_BYTES", "-5"));
        assertEquals(3001, c.server().port());
        assertFalse(c.server().slave());
        assertEquals(Duration.ofSeconds(10), c.server().gracefulShutdownTimeout());
        assertEquals(1000, c.proxy().maxConcurrentRequests());
        assertEquals(32L * 1024 * 1024, c.proxy().maxRequestBodyBytes());
    }

    @Test
    void secretsNeverPrinted() {
        GatewayConfig c = read(Map.of("AUTH_KEY", "super-secret-admin", "ENCRYPTION_KEY", "enc-secret",
                "DATABASE_DSN", "postgres://u:dbpass@h/db"));
        String s = c.toString();
        assertFalse(s.contains("super-secret-admin"), s);
        assertFalse(s.contains("enc-secret"), s);
        assertFalse(s.contains("dbpass"), s);
    }
}
