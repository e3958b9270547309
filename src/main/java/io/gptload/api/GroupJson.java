package io.gptload.api;

import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupName;
import io.gptload.group.KeyCounts;
import io.gptload.group.ParentAggregate;
import io.gptload.group.HeaderRules;
import io.gptload.group.ModelRedirectRules;
import io.gptload.group.ParamOverrides;
import io.gptload.group.SubGroupMember;
import io.gptload.group.Upstreams;
import io.gptload.requestlog.RequestTotals;
import io.gptload.settings.EffectiveSettings;
import io.gptload.settings.GroupConfigOverrides;
import io.gptload.settings.SystemSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Renders groups as gpt-load does (spec §3.2): the GroupResponse of the group routes and the raw
 * Group model inside sub-group lists. Times as {@link ApiTimes}.
 */
final class GroupJson {

    /** Go's zero {@code time.Time} as JSON. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    GroupJson() {
    }

    /** GroupResponse: {@code endpoint} is {@code {app_url}/proxy/{name}}. */
    JsonObject response(GroupDefinition g, SystemSettings settings) {
        return fields(g, endpoint(settings.appUrl(), g.name())).build();
    }

    /** The Group model: {@code endpoint} "", plus {@code effective_config} and {@code api_keys} null. */
    JsonObject model(GroupDefinition g, SystemSettings settings) {
        return fields(g, "").add("effective_config", EffectiveSettings.of(settings, g.config()).toJson())
                .addNull("api_keys").build();
    }

    /** One item of {@code GET /api/groups/{id}/sub-groups}. */
    JsonObject member(SubGroupMember m, SystemSettings settings) {
        return Json.createObjectBuilder().add("group", model(m.group(), settings)).add("weight", m.weight())
                .add("total_keys", m.keys().total()).add("active_keys", m.keys().active())
                .add("invalid_keys", m.keys().invalid()).build();
    }

    /**
     * One item of {@code GET /api/groups/list}: gpt-load selects only id, name and display name into its
     * Group model, so every other field has its zero value (times {@code 0001-01-01T00:00:00Z}).
     */
    JsonObject listItem(GroupName g, SystemSettings settings) {
        JsonObjectBuilder zeroConfig = Json.createObjectBuilder();
        EffectiveSettings.of(settings, GroupConfigOverrides.empty()).toJson().forEach((k, v) -> zeroConfig.add(k,
                switch (v.getValueType()) {
                    case NUMBER -> Json.createValue(0);
                    case STRING -> Json.createValue("");
                    default -> JsonValue.FALSE;
                }));
        return Json.createObjectBuilder().add("id", g.id()).add("name", g.name()).add("endpoint", "")
                .add("display_name", g.displayName()).add("description", "").add("group_type", "")
                .addNull("upstreams").add("channel_type", "").add("sort", 0).add("test_model", "")
                .add("validation_endpoint", "").addNull("param_overrides").addNull("model_redirect_rules")
                .add("model_redirect_strict", false).addNull("config").addNull("header_rules").add("proxy_keys", "")
                .addNull("last_validated_at").add("created_at", ZERO_TIME).add("updated_at", ZERO_TIME)
                .add("effective_config", zeroConfig).addNull("api_keys").build();
    }

    /** One item of {@code GET /api/groups/{id}/parent-aggregate-groups}. */
    JsonObject parent(ParentAggregate p) {
        return Json.createObjectBuilder().add("group_id", p.groupId()).add("name", p.name())
                .add("display_name", p.displayName()).add("weight", p.weight()).build();
    }

    /** {@code GET /api/groups/{id}/stats}: key totals and the three request windows. */
    JsonObject stats(KeyCounts keys, RequestTotals day, RequestTotals week, RequestTotals month) {
        return Json.createObjectBuilder()
                .add("key_stats", Json.createObjectBuilder().add("total_keys", keys.total())
                        .add("active_keys", keys.active()).add("invalid_keys", keys.invalid()))
                .add("stats_24_hour", window(day)).add("stats_7_day", window(week)).add("stats_30_day", window(month))
                .build();
    }

    private static JsonObjectBuilder window(RequestTotals t) {
        return Json.createObjectBuilder().add("total_requests", t.total()).add("failed_requests", t.failed())
                .add("failure_rate", t.failureRate());
    }

    static String endpoint(String appUrl, String name) {
        String base = appUrl == null ? "" : appUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/proxy/" + name;
    }

    private JsonObjectBuilder fields(GroupDefinition g, String endpoint) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", g.id())
                .add("name", g.name())
                .add("endpoint", endpoint)
                .add("display_name", g.displayName())
                .add("description", g.description())
                .add("group_type", g.aggregate() ? "aggregate" : "standard")
                .add("upstreams", Upstreams.toJsonArray(g.upstreams()))
                .add("channel_type", g.channelType().id())
                .add("sort", g.sort())
                .add("test_model", g.testModel())
                .add("validation_endpoint", g.validationEndpoint())
                .add("param_overrides", g.paramOverrides().isEmpty() ? JsonValue.NULL
                        : parse(ParamOverrides.toJson(g.paramOverrides())))
                .add("model_redirect_rules", g.modelRedirectRules().isEmpty() ? JsonValue.NULL
                        : ModelRedirectRules.toJson(g.modelRedirectRules()))
                .add("model_redirect_strict", g.modelRedirectStrict())
                .add("config", g.config().isEmpty() ? JsonValue.NULL : g.config().toJson())
                .add("header_rules", HeaderRules.toJsonArray(g.headerRules()))
                .add("proxy_keys", g.proxyKeys());
        ApiTimes.add(b, "last_validated_at", g.lastValidatedAt());
        ApiTimes.add(b, "created_at", g.createdAt());
        ApiTimes.add(b, "updated_at", g.updatedAt());
        return b;
    }

    private static JsonValue parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readValue();
        }
    }
}
