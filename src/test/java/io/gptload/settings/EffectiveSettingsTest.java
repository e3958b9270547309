package io.gptload.settings;

import static io.gptload.settings.TestJson.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

    @Test
    void withoutOverridesTheSystemValuesApply() {
        SystemSettings system = SystemSettings.from(Map.of("max_retries", "6", "proxy_url", "http://p:1"));
        EffectiveSettings e = EffectiveSettings.of(system, GroupConfigOverrides.empty());
        assertEquals(new EffectiveSettings(600, 15, 120, 600, 100, 50, "http://p:1", 6, 3, "400-403,405-999",
                60, 10, 20, false), e);
    }

    @Test
    void overridesWinPerKey() {
        SystemSettings system = SystemSettings.from(Map.of("max_retries", "6", "proxy_url", "http://p:1",
                "enable_request_body_logging", "true"));
        GroupConfigOverrides group = GroupConfigOverrides.parse(object("""
                {"max_retries": 0, "proxy_url": "", "request_timeout": 30, "enable_request_body_logging": false,
                 "failover_status_codes": "429", "key_validation_concurrency": 2}"""));
        EffectiveSettings e = EffectiveSettings.of(system, group);
        assertEquals(0, e.maxRetries());
        assertEquals("", e.proxyUrl());
        assertEquals(30, e.requestTimeout());
        assertEquals(false, e.enableRequestBodyLogging());
        assertEquals("429", e.failoverStatusCodes());
        assertEquals(2, e.keyValidationConcurrency());
        assertEquals(15, e.connectTimeout());
        assertEquals(3, e.blacklistThreshold());
    }

    @Test
    void jsonHasTheFourteenOverridableKeysTyped() {
        JsonObject json = EffectiveSettings.of(SystemSettings.defaults(), GroupConfigOverrides.empty()).toJson();
        assertEquals(SettingsCatalog.groupOverridable().stream().map(SettingDefinition::key).toList(),
                List.copyOf(json.keySet()));
        assertEquals(600, json.getInt("request_timeout"));
        assertEquals(false, json.getBoolean("enable_request_body_logging"));
        assertEquals("400-403,405-999", json.getString("failover_status_codes"));
        assertEquals("", json.getString("proxy_url"));
        assertTrue(!json.containsKey("proxy_keys") && !json.containsKey("app_url"));
    }
}
