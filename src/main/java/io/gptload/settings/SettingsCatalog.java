package io.gptload.settings;

import static io.gptload.settings.SettingCategory.BASIC;
import static io.gptload.settings.SettingCategory.KEY;
import static io.gptload.settings.SettingCategory.REQUEST;
import static io.gptload.settings.SettingType.BOOL;
import static io.gptload.settings.SettingType.INT;
import static io.gptload.settings.SettingType.STRING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 18 runtime system settings of gpt-load 1.4.x, in display order. */
public final class SettingsCatalog {

    public static final String APP_URL = "app_url";
    public static final String PROXY_KEYS = "proxy_keys";
    public static final String REQUEST_LOG_RETENTION_DAYS = "request_log_retention_days";
    public static final String REQUEST_LOG_WRITE_INTERVAL_MINUTES = "request_log_write_interval_minutes";
    public static final String ENABLE_REQUEST_BODY_LOGGING = "enable_request_body_logging";
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String CONNECT_TIMEOUT = "connect_timeout";
    public static final String IDLE_CONN_TIMEOUT = "idle_conn_timeout";
    public static final String RESPONSE_HEADER_TIMEOUT = "response_header_timeout";
    public static final String MAX_IDLE_CONNS = "max_idle_conns";
    public static final String MAX_IDLE_CONNS_PER_HOST = "max_idle_conns_per_host";
    public static final String PROXY_URL = "proxy_url";
    public static final String MAX_RETRIES = "max_retries";
    public static final String BLACKLIST_THRESHOLD = "blacklist_threshold";
    public static final String FAILOVER_STATUS_CODES = "failover_status_codes";
    public static final String KEY_VALIDATION_INTERVAL_MINUTES = "key_validation_interval_minutes";
    public static final String KEY_VALIDATION_CONCURRENCY = "key_validation_concurrency";
    public static final String KEY_VALIDATION_TIMEOUT_SECONDS = "key_validation_timeout_seconds";

    private static final List<SettingDefinition> ALL = build(new SettingTexts());
    private static final Map<String, SettingDefinition> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(SettingDefinition::key, Function.identity()));
    private static final List<SettingDefinition> OVERRIDABLE =
            ALL.stream().filter(SettingDefinition::groupOverridable).toList();

    private SettingsCatalog() {
    }

    /** All 18 settings in display order (Basic, Request Settings, Key Configuration). */
    public static List<SettingDefinition> all() {
        return ALL;
    }

    /** The 14 settings a group's {@code config} may override, in display order. */
    public static List<SettingDefinition> groupOverridable() {
        return OVERRIDABLE;
    }

    /** The setting with this key, if any. */
    public static Optional<SettingDefinition> find(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** The setting with this key; {@link IllegalArgumentException} if there is none. */
    public static SettingDefinition get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("unknown setting: " + key));
    }

    private static List<SettingDefinition> build(SettingTexts t) {
        Factory f = new Factory(t);
        return List.of(
                f.def(APP_URL, STRING, "http://localhost:3001", null, true, BASIC, false),
                f.def(PROXY_KEYS, STRING, "", null, true, BASIC, false),
                f.def(REQUEST_LOG_RETENTION_DAYS, INT, "7", 0, true, BASIC, false),
                f.def(REQUEST_LOG_WRITE_INTERVAL_MINUTES, INT, "1", 0, true, BASIC, false),
                f.def(ENABLE_REQUEST_BODY_LOGGING, BOOL, "false", null, false, BASIC, true),
                f.def(REQUEST_TIMEOUT, INT, "600", 1, true, REQUEST, true),
                f.def(CONNECT_TIMEOUT, INT, "15", 1, true, REQUEST, true),
                f.def(IDLE_CONN_TIMEOUT, INT, "120", 1, true, REQUEST, true),
                f.def(RESPONSE_HEADER_TIMEOUT, INT, "600", 1, true, REQUEST, true),
                f.def(MAX_IDLE_CONNS, INT, "100", 1, true, REQUEST, true),
                f.def(MAX_IDLE_CONNS_PER_HOST, INT, "50", 1, true, REQUEST, true),
                f.def(PROXY_URL, STRING, "", null, false, REQUEST, true),
                f.def(MAX_RETRIES, INT, "3", 0, true, KEY, true),
                f.def(BLACKLIST_THRESHOLD, INT, "3", 0, true, KEY, true),
                f.def(FAILOVER_STATUS_CODES, STRING, "400-403,405-999", null, false, KEY, true),
                f.def(KEY_VALIDATION_INTERVAL_MINUTES, INT, "60", 1, true, KEY, true),
                f.def(KEY_VALIDATION_CONCURRENCY, INT, "10", 1, true, KEY, true),
                f.def(KEY_VALIDATION_TIMEOUT_SECONDS, INT, "20", 1, true, KEY, true));
    }

    private record Factory(SettingTexts texts) {
        SettingDefinition def(String key, SettingType type, String defaultValue, Integer min, boolean required,
                SettingCategory category, boolean overridable) {
            return new SettingDefinition(key, type, defaultValue, min, required, category, overridable,
                    texts.text(key + ".name"), texts.text(key + ".description"),
                    texts.text("category." + category.id()));
        }
    }
}
