package io.gptload.settings;

import static io.gptload.settings.SettingsCatalog.*;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The 14 group-overridable settings as they apply to one group: its overrides laid over the system values. */
public record EffectiveSettings(int requestTimeout, int connectTimeout, int idleConnTimeout,
        int responseHeaderTimeout, int maxIdleConns, int maxIdleConnsPerHost, String proxyUrl, int maxRetries,
        int blacklistThreshold, String failoverStatusCodes, int keyValidationIntervalMinutes,
        int keyValidationConcurrency, int keyValidationTimeoutSeconds, boolean enableRequestBodyLogging) {

    public EffectiveSettings {
        Objects.requireNonNull(proxyUrl, "proxyUrl");
        Objects.requireNonNull(failoverStatusCodes, "failoverStatusCodes");
    }

    /** System values with the group's overrides laid over them. */
    public static EffectiveSettings of(SystemSettings system, GroupConfigOverrides overrides) {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(overrides, "overrides");
        Map<String, String> v = new LinkedHashMap<>(system.asStrings());
        v.putAll(overrides.asStrings());
        return new EffectiveSettings(i(v, REQUEST_TIMEOUT), i(v, CONNECT_TIMEOUT), i(v, IDLE_CONN_TIMEOUT),
                i(v, RESPONSE_HEADER_TIMEOUT), i(v, MAX_IDLE_CONNS), i(v, MAX_IDLE_CONNS_PER_HOST), v.get(PROXY_URL),
                i(v, MAX_RETRIES), i(v, BLACKLIST_THRESHOLD), v.get(FAILOVER_STATUS_CODES),
                i(v, KEY_VALIDATION_INTERVAL_MINUTES), i(v, KEY_VALIDATION_CONCURRENCY),
                i(v, KEY_VALIDATION_TIMEOUT_SECONDS), Boolean.parseBoolean(v.get(ENABLE_REQUEST_BODY_LOGGING)));
    }

    /** The 14 values keyed by setting name, in catalogue order (the API's {@code effective_config}). */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        json.add(ENABLE_REQUEST_BODY_LOGGING, enableRequestBodyLogging)
                .add(REQUEST_TIMEOUT, requestTimeout)
                .add(CONNECT_TIMEOUT, connectTimeout)
                .add(IDLE_CONN_TIMEOUT, idleConnTimeout)
                .add(RESPONSE_HEADER_TIMEOUT, responseHeaderTimeout)
                .add(MAX_IDLE_CONNS, maxIdleConns)
                .add(MAX_IDLE_CONNS_PER_HOST, maxIdleConnsPerHost)
                .add(PROXY_URL, proxyUrl)
                .add(MAX_RETRIES, maxRetries)
                .add(BLACKLIST_THRESHOLD, blacklistThreshold)
                .add(FAILOVER_STATUS_CODES, failoverStatusCodes)
                .add(KEY_VALIDATION_INTERVAL_MINUTES, keyValidationIntervalMinutes)
                .add(KEY_VALIDATION_CONCURRENCY, keyValidationConcurrency)
                .add(KEY_VALIDATION_TIMEOUT_SECONDS, keyValidationTimeoutSeconds);
        return json.build();
    }

    private static int i(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key));
    }
}
