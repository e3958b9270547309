package io.gptload.settings;

import static io.gptload.settings.TestJson.object;
import static io.gptload.settings.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsUpdateTest {

    @Test
    void emptyBodyIsAnEmptyUpdate() {
        assertTrue(SettingsUpdate.validate(object("{}")).isEmpty());
    }

    @Test
    void partialUpdateInCanonicalForm() {
        Map<String, String> values = SettingsUpdate.validate(object("""
                {"max_retries": 5, "enable_request_body_logging": true, "proxy_url": " http://proxy:8080 ",
                 "request_timeout": 100, "failover_status_codes": "429\\n500-599", "app_url": "https://gw.example.com/"}"""));
        assertEquals(Map.of("max_retries", "5", "enable_request_body_logging", "true",
                "proxy_url", "http://proxy:8080", "request_timeout", "100",
                "failover_status_codes", "429\n500-599", "app_url", "https://gw.example.com/"), values);
        assertEquals(List.of("max_retries", "enable_request_body_logging", "proxy_url", "request_timeout",
                "failover_status_codes", "app_url"), List.copyOf(values.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> values.put("x", "y"));
    }

    @Test
    void everySettingAcceptsItsDefault() {
        StringBuilder body = new StringBuilder("{");
        for (SettingDefinition def : SettingsCatalog.all()) {
            String value = switch (def.type()) {
                case INT, BOOL -> def.defaultValue();
                case STRING -> jakarta.json.Json.createValue(def.defaultValue().isEmpty() && def.required()
                        ? "k" : def.defaultValue()).toString();
            };
            body.append(body.length() > 1 ? "," : "").append('"').append(def.key()).append("\":").append(value);
        }
        assertEquals(18, SettingsUpdate.validate(object(body + "}")).size());
    }

    @Test
    void proxyKeysAreNormalised() {
        assertEquals(Map.of("proxy_keys", "sk-a,sk-b,sk-c"),
                SettingsUpdate.validate(object("{\"proxy_keys\": \" sk-a , ,sk-b,,sk-c, \"}")));
    }

    @Test
    void proxyKeysMustNotEndUpEmpty() {
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_keys\": \" , ,\"}")),
                "proxy_keys", "proxy_keys is required and cannot be empty");
    }

    @Test
    void unknownKey() {
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": 1, \"retries\": 2}")),
                "retries", "unknown setting: retries");
    }

    @Test
    void intsNeedJsonIntegers() {
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": 1.5}")),
                "max_retries", "max_retries must be an integer");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": \"5\"}")),
                "max_retries", "max_retries must be an integer");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": true}")),
                "max_retries", "max_retries must be an integer");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": null}")),
                "max_retries", "max_retries must be an integer");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": 1.0}")),
                "max_retries", "max_retries must be an integer");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": 1e2}")),
                "max_retries", "max_retries must be an integer");
    }

    @Test
    void intsBelowMinOrTooLarge() {
        rejects(() -> SettingsUpdate.validate(object("{\"request_timeout\": 0}")),
                "request_timeout", "request_timeout must be at least 1");
        rejects(() -> SettingsUpdate.validate(object("{\"max_retries\": -1}")),
                "max_retries", "max_retries must be at least 0");
        rejects(() -> SettingsUpdate.validate(object("{\"request_timeout\": 2147483648}")),
                "request_timeout", "request_timeout must be at most 2147483647");
        rejects(() -> SettingsUpdate.validate(object("{\"request_timeout\": -99999999999999999999}")),
                "request_timeout", "request_timeout must be at least 1");
        assertEquals(Map.of("max_retries", "0", "request_timeout", "2147483647"),
                SettingsUpdate.validate(object("{\"max_retries\": 0, \"request_timeout\": 2147483647}")));
    }

    @Test
    void boolsNeedJsonBooleans() {
        rejects(() -> SettingsUpdate.validate(object("{\"enable_request_body_logging\": \"true\"}")),
                "enable_request_body_logging", "enable_request_body_logging must be true or false");
        rejects(() -> SettingsUpdate.validate(object("{\"enable_request_body_logging\": 1}")),
                "enable_request_body_logging", "enable_request_body_logging must be true or false");
    }

    @Test
    void stringsNeedJsonStrings() {
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_url\": 5}")), "proxy_url", "proxy_url must be a string");
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": null}")), "app_url", "app_url must be a string");
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_keys\": [\"a\"]}")),
                "proxy_keys", "proxy_keys must be a string");
    }

    @Test
    void requiredStrings() {
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": \"  \"}")),
                "app_url", "app_url is required and cannot be empty");
    }

    @Test
    void appUrlMustBeHttp() {
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": \"gw.example.com\"}")),
                "app_url", "app_url must be a valid http:// or https:// URL with a host");
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": \"ftp://gw.example.com\"}")),
                "app_url", "app_url must be a valid http:// or https:// URL with a host");
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": \"http://\"}")),
                "app_url", "app_url must be a valid http:// or https:// URL with a host");
        rejects(() -> SettingsUpdate.validate(object("{\"app_url\": \"http://bad host/\"}")),
                "app_url", "app_url must be a valid http:// or https:// URL with a host");
    }

    @Test
    void proxyUrlIsEmptyOrHttp() {
        assertEquals(Map.of("proxy_url", ""), SettingsUpdate.validate(object("{\"proxy_url\": \"\"}")));
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_url\": \"https://u:p@proxy.example:8443\"}")),
                "proxy_url", "proxy_url: proxies that need a user name and password are not supported yet; "
                        + "use a proxy that allows the gateway's address");
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_url\": \"socks5://127.0.0.1:1080\"}")), "proxy_url",
                "proxy_url: SOCKS proxies are not supported, only HTTP(S) proxies (http:// or https://)");
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_url\": \"SOCKS5H://proxy:1080\"}")), "proxy_url",
                "proxy_url: SOCKS proxies are not supported, only HTTP(S) proxies (http:// or https://)");
        rejects(() -> SettingsUpdate.validate(object("{\"proxy_url\": \"proxy:3128\"}")), "proxy_url",
                "proxy_url must be empty or an http:// or https:// proxy URL with a host (only HTTP(S) proxies are supported)");
    }

    @Test
    void failoverCodesMustParse() {
        assertEquals(Map.of("failover_status_codes", ""),
                SettingsUpdate.validate(object("{\"failover_status_codes\": \"\"}")));
        var e = rejects(() -> SettingsUpdate.validate(object("{\"failover_status_codes\": \"abc\"}")),
                "failover_status_codes", "failover_status_codes is invalid: " + parseError("abc"));
        assertEquals("invalid_failover_codes", e.messageId());
        rejects(() -> SettingsUpdate.validate(object("{\"failover_status_codes\": \"99\"}")),
                "failover_status_codes", "failover_status_codes is invalid: " + parseError("99"));
    }

    private static String parseError(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> FailoverCodeMatcher.parse(spec)).getMessage();
    }
}
