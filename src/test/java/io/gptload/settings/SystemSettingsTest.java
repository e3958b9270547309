package io.gptload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemSettingsTest {

    @Test
    void defaults() {
        SystemSettings s = SystemSettings.defaults();
        assertEquals("http://localhost:3001", s.appUrl());
        assertEquals(List.of(), s.proxyKeys());
        assertEquals(7, s.requestLogRetentionDays());
        assertEquals(1, s.requestLogWriteIntervalMinutes());
        assertFalse(s.enableRequestBodyLogging());
        assertEquals(600, s.requestTimeout());
        assertEquals(15, s.connectTimeout());
        assertEquals(120, s.idleConnTimeout());
        assertEquals(600, s.responseHeaderTimeout());
        assertEquals(100, s.maxIdleConns());
        assertEquals(50, s.maxIdleConnsPerHost());
        assertEquals("", s.proxyUrl());
        assertEquals(3, s.maxRetries());
        assertEquals(3, s.blacklistThreshold());
        assertEquals("400-403,405-999", s.failoverStatusCodes());
        assertEquals(60, s.keyValidationIntervalMinutes());
        assertEquals(10, s.keyValidationConcurrency());
        assertEquals(20, s.keyValidationTimeoutSeconds());
    }

    @Test
    void mapsEveryStoredRow() {
        Map<String, String> rows = new HashMap<>();
        rows.put("app_url", "https://gw.example.com");
        rows.put("proxy_keys", "sk-a, sk-b,,");
        rows.put("request_log_retention_days", "0");
        rows.put("request_log_write_interval_minutes", "5");
        rows.put("enable_request_body_logging", "true");
        rows.put("request_timeout", "30");
        rows.put("connect_timeout", "5");
        rows.put("idle_conn_timeout", "90");
        rows.put("response_header_timeout", "45");
        rows.put("max_idle_conns", "200");
        rows.put("max_idle_conns_per_host", "20");
        rows.put("proxy_url", "http://proxy:3128");
        rows.put("max_retries", "0");
        rows.put("blacklist_threshold", "0");
        rows.put("failover_status_codes", "429,500-599");
        rows.put("key_validation_interval_minutes", "15");
        rows.put("key_validation_concurrency", "4");
        rows.put("key_validation_timeout_seconds", "9");
        rows.put("some_legacy_key", "ignored");
        SystemSettings s = SystemSettings.from(rows);
        assertEquals("https://gw.example.com", s.appUrl());
        assertEquals(List.of("sk-a", "sk-b"), s.proxyKeys());
        assertEquals(0, s.requestLogRetentionDays());
        assertEquals(5, s.requestLogWriteIntervalMinutes());
        assertTrue(s.enableRequestBodyLogging());
        assertEquals(30, s.requestTimeout());
        assertEquals(5, s.connectTimeout());
        assertEquals(90, s.idleConnTimeout());
        assertEquals(45, s.responseHeaderTimeout());
        assertEquals(200, s.maxIdleConns());
        assertEquals(20, s.maxIdleConnsPerHost());
        assertEquals("http://proxy:3128", s.proxyUrl());
        assertEquals(0, s.maxRetries());
        assertEquals(0, s.blacklistThreshold());
        assertEquals("429,500-599", s.failoverStatusCodes());
        assertEquals(15, s.keyValidationIntervalMinutes());
        assertEquals(4, s.keyValidationConcurrency());
        assertEquals(9, s.keyValidationTimeoutSeconds());
        assertEquals("sk-a,sk-b", s.asStrings().get("proxy_keys"));
    }

    @Test
    void unparseableOrOutOfRangeValuesFallBackToDefaults() {
        SystemSettings s = SystemSettings.from(Map.of(
                "request_timeout", "abc",
                "connect_timeout", "0",
                "max_retries", "-1",
                "idle_conn_timeout", "1.5",
                "enable_request_body_logging", "maybe",
                "app_url", "   ",
                "proxy_url", "socks5://127.0.0.1:1080",
                "failover_status_codes", "abc"));
        assertEquals(SystemSettings.defaults(), s);
    }

    @Test
    void acceptsTheBooleanAndIntegerFormsGptLoadStores() {
        assertTrue(SystemSettings.from(Map.of("enable_request_body_logging", "1")).enableRequestBodyLogging());
        assertTrue(SystemSettings.from(Map.of("enable_request_body_logging", "TRUE")).enableRequestBodyLogging());
        assertFalse(SystemSettings.from(Map.of("enable_request_body_logging", "f")).enableRequestBodyLogging());
        assertEquals(42, SystemSettings.from(Map.of("request_timeout", " 42 ")).requestTimeout());
        assertEquals("", SystemSettings.from(Map.of("failover_status_codes", "")).failoverStatusCodes());
    }

    @Test
    void asStringsRoundTripsInCatalogueOrder() {
        SystemSettings s = SystemSettings.from(Map.of("max_retries", "7", "proxy_keys", "k1,k2"));
        Map<String, String> strings = s.asStrings();
        assertEquals(SettingsCatalog.all().stream().map(SettingDefinition::key).toList(), List.copyOf(strings.keySet()));
        assertEquals("7", strings.get("max_retries"));
        assertEquals("false", strings.get("enable_request_body_logging"));
        assertEquals(s, SystemSettings.from(strings));
    }

    @Test
    void typedValues() {
        SystemSettings s = SystemSettings.defaults();
        assertEquals(600, s.typed("request_timeout"));
        assertEquals(Boolean.FALSE, s.typed("enable_request_body_logging"));
        assertEquals("400-403,405-999", s.typed("failover_status_codes"));
    }

    @Test
    void withLaysChangesOver() {
        SystemSettings s = SystemSettings.defaults().with(Map.of("max_retries", "9", "proxy_keys", "a,b"));
        assertEquals(9, s.maxRetries());
        assertEquals(List.of("a", "b"), s.proxyKeys());
        assertEquals(600, s.requestTimeout());
    }

    @Test
    void toStringHidesProxyKeys() {
        String text = SystemSettings.from(Map.of("proxy_keys", "sk-secret-1,sk-secret-2")).toString();
        assertFalse(text.contains("sk-secret"), text);
        assertTrue(text.contains("proxy_keys=2 keys"), text);
    }
}
