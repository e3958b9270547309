package io.gptload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCatalogTest {

    @Test
    void listsTheEighteenSettingsInSpecOrder() {
        assertEquals(List.of("app_url", "proxy_keys", "request_log_retention_days",
                "request_log_write_interval_minutes", "enable_request_body_logging", "request_timeout",
                "connect_timeout", "idle_conn_timeout", "response_header_timeout", "max_idle_conns",
                "max_idle_conns_per_host", "proxy_url", "max_retries", "blacklist_threshold",
                "failover_status_codes", "key_validation_interval_minutes", "key_validation_concurrency",
                "key_validation_timeout_seconds"),
                SettingsCatalog.all().stream().map(SettingDefinition::key).toList());
    }

    @Test
    void typesDefaultsMinsAndCategoriesMatchTheSpec() {
        record Row(SettingType type, String def, Integer min, SettingCategory category) {
        }
        Map<String, Row> expected = Map.ofEntries(
                Map.entry("app_url", new Row(SettingType.STRING, "http://localhost:3001", null, SettingCategory.BASIC)),
                Map.entry("proxy_keys", new Row(SettingType.STRING, "", null, SettingCategory.BASIC)),
                Map.entry("request_log_retention_days", new Row(SettingType.INT, "7", 0, SettingCategory.BASIC)),
                Map.entry("request_log_write_interval_minutes", new Row(SettingType.INT, "1", 0, SettingCategory.BASIC)),
                Map.entry("enable_request_body_logging", new Row(SettingType.BOOL, "false", null, SettingCategory.BASIC)),
                Map.entry("request_timeout", new Row(SettingType.INT, "600", 1, SettingCategory.REQUEST)),
                Map.entry("connect_timeout", new Row(SettingType.INT, "15", 1, SettingCategory.REQUEST)),
                Map.entry("idle_conn_timeout", new Row(SettingType.INT, "120", 1, SettingCategory.REQUEST)),
                Map.entry("response_header_timeout", new Row(SettingType.INT, "600", 1, SettingCategory.REQUEST)),
                Map.entry("max_idle_conns", new Row(SettingType.INT, "100", 1, SettingCategory.REQUEST)),
                Map.entry("max_idle_conns_per_host", new Row(SettingType.INT, "50", 1, SettingCategory.REQUEST)),
                Map.entry("proxy_url", new Row(SettingType.STRING, "", null, SettingCategory.REQUEST)),
                Map.entry("max_retries", new Row(SettingType.INT, "3", 0, SettingCategory.KEY)),
                Map.entry("blacklist_threshold", new Row(SettingType.INT, "3", 0, SettingCategory.KEY)),
                Map.entry("failover_status_codes", new Row(SettingType.STRING, "400-403,405-999", null, SettingCategory.KEY)),
                Map.entry("key_validation_interval_minutes", new Row(SettingType.INT, "60", 1, SettingCategory.KEY)),
                Map.entry("key_validation_concurrency", new Row(SettingType.INT, "10", 1, SettingCategory.KEY)),
                Map.entry("key_validation_timeout_seconds", new Row(SettingType.INT, "20", 1, SettingCategory.KEY)));
        for (SettingDefinition def : SettingsCatalog.all()) {
            Row row = expected.get(def.key());
            assertEquals(row, new Row(def.type(), def.defaultValue(), def.min(), def.category()), def.key());
        }
    }

    @Test
    void requiredFlags() {
        assertTrue(SettingsCatalog.get("app_url").required());
        assertTrue(SettingsCatalog.get("proxy_keys").required());
        assertTrue(SettingsCatalog.get("request_timeout").required());
        assertFalse(SettingsCatalog.get("proxy_url").required());
        assertFalse(SettingsCatalog.get("failover_status_codes").required());
        assertFalse(SettingsCatalog.get("enable_request_body_logging").required());
    }

    @Test
    void fourteenAreGroupOverridable() {
        assertEquals(List.of("enable_request_body_logging", "request_timeout", "connect_timeout",
                "idle_conn_timeout", "response_header_timeout", "max_idle_conns", "max_idle_conns_per_host",
                "proxy_url", "max_retries", "blacklist_threshold", "failover_status_codes",
                "key_validation_interval_minutes", "key_validation_concurrency", "key_validation_timeout_seconds"),
                SettingsCatalog.groupOverridable().stream().map(SettingDefinition::key).toList());
    }

    @Test
    void findAndGet() {
        assertEquals("max_retries", SettingsCatalog.find("max_retries").orElseThrow().key());
        assertTrue(SettingsCatalog.find("nope").isEmpty());
        assertTrue(SettingsCatalog.find(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SettingsCatalog.get("nope"));
    }

    @Test
    void categoryNamesInThreeLanguages() {
        SettingDefinition basic = SettingsCatalog.get("app_url");
        SettingDefinition request = SettingsCatalog.get("request_timeout");
        SettingDefinition key = SettingsCatalog.get("max_retries");
        assertEquals("Basic", basic.categoryName("en-US"));
        assertEquals("Request Settings", request.categoryName("en"));
        assertEquals("Key Configuration", key.categoryName(null));
        assertEquals("基础参数", basic.categoryName("zh-CN"));
        assertEquals("请求设置", request.categoryName("zh"));
        assertEquals("密钥配置", key.categoryName("zh-TW"));
        assertEquals("基本設定", basic.categoryName("ja-JP"));
        assertEquals("リクエスト設定", request.categoryName("ja"));
        assertEquals("キー設定", key.categoryName("ja"));
    }

    @Test
    void everySettingHasDistinctTextsInEveryLanguage() {
        for (SettingDefinition def : SettingsCatalog.all()) {
            String en = def.name("en-US");
            assertNotEquals(en, def.name("zh-CN"), def.key());
            assertNotEquals(en, def.name("ja-JP"), def.key());
            assertNotEquals(def.description("en-US"), def.description("zh-CN"), def.key());
            assertNotEquals(def.description("en-US"), def.description("ja-JP"), def.key());
            assertTrue(def.description("en-US").length() > 20, def.key());
        }
        assertEquals("Request Timeout (seconds)", SettingsCatalog.get("request_timeout").name("en-US"));
        assertEquals("请求超时（秒）", SettingsCatalog.get("request_timeout").name("zh-CN"));
        assertEquals("リクエストタイムアウト（秒）", SettingsCatalog.get("request_timeout").name("ja-JP"));
    }

    @Test
    void definitionRejectsMinOnNonInt() {
        SettingDefinition d = SettingsCatalog.get("proxy_url");
        assertNull(d.min());
        assertThrows(IllegalArgumentException.class, () -> new SettingDefinition("x", SettingType.STRING, "", 1,
                false, SettingCategory.BASIC, false, d.name(), d.description(), d.categoryName()));
        assertThrows(IllegalArgumentException.class, () -> new SettingDefinition("x", SettingType.INT, "1", null,
                false, SettingCategory.BASIC, false, d.name(), d.description(), d.categoryName()));
        assertThrows(NullPointerException.class, () -> new SettingDefinition("x", SettingType.STRING, null, null,
                false, SettingCategory.BASIC, false, d.name(), d.description(), d.categoryName()));
    }

    @Test
    void wireNames() {
        assertEquals("string", SettingType.STRING.wireName());
        assertEquals("int", SettingType.INT.wireName());
        assertEquals("bool", SettingType.BOOL.wireName());
        assertEquals(List.of("basic", "request", "key"),
                List.of(SettingCategory.values()).stream().map(SettingCategory::id).toList());
    }
}
