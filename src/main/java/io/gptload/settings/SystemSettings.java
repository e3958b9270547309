package io.gptload.settings;

import static io.gptload.settings.SettingsCatalog.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable, typed view of all 18 system settings. Built from stored rows: a value that is missing
 * or fails the setting's rules is ignored and the default is used.
 */
public record SystemSettings(String appUrl, List<String> proxyKeys, int requestLogRetentionDays,
        int requestLogWriteIntervalMinutes, boolean enableRequestBodyLogging, int requestTimeout, int connectTimeout,
        int idleConnTimeout, int responseHeaderTimeout, int maxIdleConns, int maxIdleConnsPerHost, String proxyUrl,
        int maxRetries, int blacklistThreshold, String failoverStatusCodes, int keyValidationIntervalMinutes,
        int keyValidationConcurrency, int keyValidationTimeoutSeconds) {

    public SystemSettings {
        Objects.requireNonNull(appUrl, "appUrl");
        proxyKeys = List.copyOf(Objects.requireNonNull(proxyKeys, "proxyKeys"));
        Objects.requireNonNull(proxyUrl, "proxyUrl");
        Objects.requireNonNull(failoverStatusCodes, "failoverStatusCodes");
    }

    /** Every setting at its default. */
    public static SystemSettings defaults() {
        return from(Map.of());
    }

    /** Settings from stored {@code setting_key → setting_value} rows; unknown keys are ignored. */
    public static SystemSettings from(Map<String, String> stored) {
        Objects.requireNonNull(stored, "stored");
        Map<String, String> v = new LinkedHashMap<>();
        for (SettingDefinition def : SettingsCatalog.all()) {
            v.put(def.key(), SettingValues.fromStored(def, stored.get(def.key())).orElse(def.defaultValue()));
        }
        return new SystemSettings(v.get(APP_URL),
                v.get(PROXY_KEYS).isEmpty() ? List.of() : List.of(v.get(PROXY_KEYS).split(",")),
                i(v, REQUEST_LOG_RETENTION_DAYS), i(v, REQUEST_LOG_WRITE_INTERVAL_MINUTES),
                Boolean.parseBoolean(v.get(ENABLE_REQUEST_BODY_LOGGING)), i(v, REQUEST_TIMEOUT),
                i(v, CONNECT_TIMEOUT), i(v, IDLE_CONN_TIMEOUT), i(v, RESPONSE_HEADER_TIMEOUT), i(v, MAX_IDLE_CONNS),
                i(v, MAX_IDLE_CONNS_PER_HOST), v.get(PROXY_URL), i(v, MAX_RETRIES), i(v, BLACKLIST_THRESHOLD),
                v.get(FAILOVER_STATUS_CODES), i(v, KEY_VALIDATION_INTERVAL_MINUTES), i(v, KEY_VALIDATION_CONCURRENCY),
                i(v, KEY_VALIDATION_TIMEOUT_SECONDS));
    }

    /** All 18 values in catalogue order, in their stored string form ({@code proxy_keys} comma-joined). */
    public Map<String, String> asStrings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(APP_URL, appUrl);
        m.put(PROXY_KEYS, String.join(",", proxyKeys));
        m.put(REQUEST_LOG_RETENTION_DAYS, Integer.toString(requestLogRetentionDays));
        m.put(REQUEST_LOG_WRITE_INTERVAL_MINUTES, Integer.toString(requestLogWriteIntervalMinutes));
        m.put(ENABLE_REQUEST_BODY_LOGGING, Boolean.toString(enableRequestBodyLogging));
        m.put(REQUEST_TIMEOUT, Integer.toString(requestTimeout));
        m.put(CONNECT_TIMEOUT, Integer.toString(connectTimeout));
        m.put(IDLE_CONN_TIMEOUT, Integer.toString(idleConnTimeout));
        m.put(RESPONSE_HEADER_TIMEOUT, Integer.toString(responseHeaderTimeout));
        m.put(MAX_IDLE_CONNS, Integer.toString(maxIdleConns));
        m.put(MAX_IDLE_CONNS_PER_HOST, Integer.toString(maxIdleConnsPerHost));
        m.put(PROXY_URL, proxyUrl);
        m.put(MAX_RETRIES, Integer.toString(maxRetries));
        m.put(BLACKLIST_THRESHOLD, Integer.toString(blacklistThreshold));
        m.put(FAILOVER_STATUS_CODES, failoverStatusCodes);
        m.put(KEY_VALIDATION_INTERVAL_MINUTES, Integer.toString(keyValidationIntervalMinutes));
        m.put(KEY_VALIDATION_CONCURRENCY, Integer.toString(keyValidationConcurrency));
        m.put(KEY_VALIDATION_TIMEOUT_SECONDS, Integer.toString(keyValidationTimeoutSeconds));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One value as {@link Integer}, {@link Boolean} or {@link String} (e.g. for {@code default_value} of config options). */
    public Object typed(String key) {
        SettingDefinition def = SettingsCatalog.get(key);
        return SettingValues.typed(def, asStrings().get(key));
    }

    /** Returns a copy with the given canonical values (e.g. a validated update) laid over. */
    public SystemSettings with(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(asStrings());
        merged.putAll(changes);
        return from(merged);
    }

    private static int i(Map<String, String> values, String key) {
        return Integer.parseInt(values.get(key));
    }

    /** Masks the proxy keys. */
    @Override
    public String toString() {
        return "SystemSettings" + asStrings().entrySet().stream()
                .map(e -> e.getKey() + "=" + (PROXY_KEYS.equals(e.getKey()) ? proxyKeys.size() + " keys" : e.getValue()))
                .toList();
    }
}
