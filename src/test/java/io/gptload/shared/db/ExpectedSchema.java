package io.gptload.shared.db;

import java.util.List;
import java.util.Map;

/** The gpt-load 1.4.x schema (spec section 4) as the tests expect to find it on every backend. */
final class ExpectedSchema {

    /** Type families; each backend spells them differently. */
    enum Family { ID, UINT, INT, VARCHAR, TEXT, JSON, BOOL, TIME }

    record Column(String name, Family family, int size, boolean nullable, String defaultToken) { }

    record Index(String name, String table, boolean unique, List<String> columns) { }

    static final List<String> TABLES = List.of(
            "system_settings", "groups", "group_sub_groups", "api_keys", "request_logs", "group_hourly_stats");

    static final Map<String, List<Column>> COLUMNS = Map.of(
            "system_settings", List.of(
                    id(), vc("setting_key", 255, false), col("setting_value", Family.TEXT, false),
                    vc("description", 512, true), time("created_at", true), time("updated_at", true)),
            "groups", List.of(
                    id(), vc("name", 255, false), vc("display_name", 255, true), col("proxy_keys", Family.TEXT, true),
                    vc("description", 512, true), def(vc("group_type", 50, true), "standard"),
                    col("upstreams", Family.JSON, false), vc("validation_endpoint", 255, true),
                    vc("channel_type", 50, false), def(col("sort", Family.INT, true), "0"),
                    vc("test_model", 255, false), col("param_overrides", Family.JSON, true),
                    col("config", Family.JSON, true), col("header_rules", Family.JSON, true),
                    col("model_redirect_rules", Family.JSON, true),
                    def(col("model_redirect_strict", Family.BOOL, true), "false|0"),
                    time("last_validated_at", true), time("created_at", true), time("updated_at", true)),
            "group_sub_groups", List.of(
                    id(), col("group_id", Family.UINT, false), col("sub_group_id", Family.UINT, false),
                    def(col("weight", Family.INT, true), "0"), time("created_at", true), time("updated_at", true)),
            "api_keys", List.of(
                    id(), col("key_value", Family.TEXT, false), vc("key_hash", 128, true),
                    col("group_id", Family.UINT, false), def(vc("status", 50, false), "active"),
                    def(vc("notes", 255, true), "''"), def(col("request_count", Family.INT, false), "0"),
                    def(col("failure_count", Family.INT, false), "0"), time("last_used_at", true),
                    time("created_at", true), time("updated_at", true)),
            "request_logs", List.of(
                    vc("id", 36, false), time("timestamp", false), col("group_id", Family.UINT, false),
                    vc("group_name", 255, true), col("parent_group_id", Family.UINT, true),
                    vc("parent_group_name", 255, true), col("key_value", Family.TEXT, true),
                    vc("key_hash", 128, true), vc("model", 255, true), col("is_success", Family.BOOL, false),
                    vc("source_ip", 64, true), col("status_code", Family.INT, false), vc("request_path", 500, true),
                    col("duration", Family.INT, false), col("error_message", Family.TEXT, true),
                    vc("user_agent", 512, true), def(vc("request_type", 20, false), "final"),
                    vc("upstream_addr", 500, true), col("is_stream", Family.BOOL, false),
                    col("request_body", Family.TEXT, true)),
            "group_hourly_stats", List.of(
                    id(), time("time", false), col("group_id", Family.UINT, false),
                    def(col("success_count", Family.INT, false), "0"), def(col("failure_count", Family.INT, false), "0"),
                    time("created_at", true), time("updated_at", true)));

    /** Named indexes, identical on every backend (GORM's names). */
    static final List<Index> INDEXES = List.of(
            new Index("idx_group_sub", "group_sub_groups", true, List.of("group_id", "sub_group_id")),
            new Index("idx_api_keys_group_last_used_id", "api_keys", false, List.of("group_id", "last_used_at", "id")),
            new Index("idx_api_keys_key_hash", "api_keys", false, List.of("key_hash")),
            new Index("idx_api_keys_group_id", "api_keys", false, List.of("group_id")),
            new Index("idx_api_keys_status", "api_keys", false, List.of("status")),
            log("timestamp"), log("group_id"), log("group_name"), log("parent_group_id"), log("parent_group_name"),
            log("key_hash"), log("model"), log("request_type"),
            new Index("idx_group_time", "group_hourly_stats", true, List.of("time", "group_id")));

    /** Unique constraints; PostgreSQL and MySQL name their index after the constraint, H2 does not. */
    static final List<Index> UNIQUE_CONSTRAINTS = List.of(
            new Index("uni_system_settings_setting_key", "system_settings", true, List.of("setting_key")),
            new Index("uni_groups_name", "groups", true, List.of("name")));

    private ExpectedSchema() {
    }

    private static Index log(String column) {
        return new Index("idx_request_logs_" + column, "request_logs", false, List.of(column));
    }

    private static Column id() {
        return col("id", Family.ID, false);
    }

    private static Column col(String name, Family family, boolean nullable) {
        return new Column(name, family, 0, nullable, null);
    }

    private static Column vc(String name, int size, boolean nullable) {
        return new Column(name, Family.VARCHAR, size, nullable, null);
    }

    private static Column time(String name, boolean nullable) {
        return col(name, Family.TIME, nullable);
    }

    private static Column def(Column c, String defaultToken) {
        return new Column(c.name(), c.family(), c.size(), c.nullable(), defaultToken);
    }
}
