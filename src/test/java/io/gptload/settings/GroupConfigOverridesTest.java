package io.gptload.settings;

import static io.gptload.settings.TestJson.object;
import static io.gptload.settings.TestJson.rejects;
import static io.gptload.settings.TestJson.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ValidationException;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupConfigOverridesTest {

    @Test
    void nullAndEmptyMeanNoOverrides() {
        assertSame(GroupConfigOverrides.empty(), GroupConfigOverrides.parse(null));
        assertSame(GroupConfigOverrides.empty(), GroupConfigOverrides.parse(JsonValue.NULL));
        assertTrue(GroupConfigOverrides.parse(object("{}")).isEmpty());
        assertEquals("{}", GroupConfigOverrides.empty().toJson().toString());
    }

    @Test
    void typedValuesInCatalogueOrderWithNullsDropped() {
        GroupConfigOverrides o = GroupConfigOverrides.parse(object("""
                {"max_retries": 5, "proxy_url": null, "request_timeout": 30,
                 "enable_request_body_logging": true, "failover_status_codes": "429"}"""));
        assertEquals(Map.of("enable_request_body_logging", true, "request_timeout", 30, "max_retries", 5,
                "failover_status_codes", "429"), o.values());
        assertEquals(List.of("enable_request_body_logging", "request_timeout", "max_retries", "failover_status_codes"),
                List.copyOf(o.values().keySet()));
        assertEquals(Optional.of("30"), o.get("request_timeout"));
        assertEquals(Optional.empty(), o.get("proxy_url"));
        assertEquals("{\"enable_request_body_logging\":true,\"request_timeout\":30,\"max_retries\":5,"
                + "\"failover_status_codes\":\"429\"}", o.toJson().toString());
        assertEquals(o, GroupConfigOverrides.parse(o.toJson()));
    }

    @Test
    void rejectsNonObject() {
        rejects(() -> GroupConfigOverrides.parse(value("[1]")), "config", "config must be a JSON object");
        rejects(() -> GroupConfigOverrides.parse(value("\"x\"")), "config", "config must be a JSON object");
    }

    @Test
    void rejectsUnknownAndSystemOnlyFields() {
        ValidationException e = rejects(() -> GroupConfigOverrides.parse(object("{\"retries\": 1}")),
                "config.retries", "unknown config field: retries");
        assertEquals("unknown_config_field", e.messageId());
        rejects(() -> GroupConfigOverrides.parse(object("{\"app_url\": \"http://x\"}")),
                "config.app_url", "unknown config field: app_url");
        rejects(() -> GroupConfigOverrides.parse(object("{\"proxy_keys\": \"k\"}")),
                "config.proxy_keys", "unknown config field: proxy_keys");
        rejects(() -> GroupConfigOverrides.parse(object("{\"request_log_retention_days\": 1}")),
                "config.request_log_retention_days", "unknown config field: request_log_retention_days");
    }

    @Test
    void rejectsWrongTypesAndBounds() {
        rejects(() -> GroupConfigOverrides.parse(object("{\"request_timeout\": 1.5}")),
                "config.request_timeout", "config.request_timeout must be an integer");
        rejects(() -> GroupConfigOverrides.parse(object("{\"request_timeout\": \"30\"}")),
                "config.request_timeout", "config.request_timeout must be an integer");
        rejects(() -> GroupConfigOverrides.parse(object("{\"request_timeout\": 0}")),
                "config.request_timeout", "config.request_timeout must be at least 1");
        rejects(() -> GroupConfigOverrides.parse(object("{\"blacklist_threshold\": -1}")),
                "config.blacklist_threshold", "config.blacklist_threshold must be at least 0");
        rejects(() -> GroupConfigOverrides.parse(object("{\"enable_request_body_logging\": \"yes\"}")),
                "config.enable_request_body_logging", "config.enable_request_body_logging must be true or false");
        rejects(() -> GroupConfigOverrides.parse(object("{\"proxy_url\": 1}")),
                "config.proxy_url", "config.proxy_url must be a string");
        rejects(() -> GroupConfigOverrides.parse(object("{\"proxy_url\": \"socks5://h:1\"}")), "config.proxy_url",
                "config.proxy_url: SOCKS proxies are not supported, only HTTP(S) proxies (http:// or https://)");
        rejects(() -> GroupConfigOverrides.parse(object("{\"failover_status_codes\": \"4xx\"}")),
                "config.failover_status_codes", "config.failover_status_codes is invalid: "
                        + assertThrowsIae("4xx"));
    }

    @Test
    void emptyStringsAreValidOverrides() {
        GroupConfigOverrides o = GroupConfigOverrides.parse(object("{\"proxy_url\": \"\", \"failover_status_codes\": \"\"}"));
        assertEquals(Map.of("proxy_url", "", "failover_status_codes", ""), o.asStrings());
    }

    @Test
    void fromStoredDropsBadEntriesAndReportsThem() {
        List<ValidationException> ignored = new ArrayList<>();
        GroupConfigOverrides o = GroupConfigOverrides.fromStored(object("""
                {"max_retries": 2, "proxy_url": "socks5://h:1", "gone": 1, "request_timeout": "x"}"""), ignored::add);
        assertEquals(Map.of("max_retries", 2), o.values());
        assertEquals(List.of("config.proxy_url", "config.gone", "config.request_timeout"),
                ignored.stream().map(ValidationException::field).toList());
        ignored.clear();
        assertSame(GroupConfigOverrides.empty(), GroupConfigOverrides.fromStored(value("[]"), ignored::add));
        assertEquals(1, ignored.size());
    }

    private static String assertThrowsIae(String spec) {
        try {
            FailoverCodeMatcher.parse(spec);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error for " + spec);
    }
}
