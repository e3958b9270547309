package io.gptload.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupDefinition;
import io.gptload.group.HeaderRule;
import io.gptload.group.KeyCounts;
import io.gptload.group.SubGroupMember;
import io.gptload.group.Upstream;
import io.gptload.settings.GroupConfigOverrides;
import io.gptload.settings.SystemSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupJsonTest {

    private static final LocalDateTime CREATED = LocalDateTime.of(2025, 3, 4, 5, 6, 7, 120_000_000);
    private final GroupJson json = new GroupJson();
    private final SystemSettings settings = SystemSettings.defaults().with(Map.of("app_url", "https://gw.example/"));

    private static GroupDefinition standard() {
        return new GroupDefinition(5, "std", "Std", "desc", false, List.of(new Upstream("https://a.example", 2)),
                ChannelType.OPENAI, 3, "gpt-4o", "", Map.of("temperature", "0.5"), Map.of("a", "b"), true,
                GroupConfigOverrides.parse(Json.createObjectBuilder().add("max_retries", 1).build()),
                List.of(new HeaderRule("X-A", "1", HeaderRule.Action.SET)), "k1", null, CREATED, CREATED);
    }

    private static GroupDefinition bareAggregate() {
        return new GroupDefinition(6, "agg", "", "", true, List.of(), ChannelType.GEMINI, 0, "-", "", Map.of(),
                Map.of(), false, GroupConfigOverrides.empty(), List.of(), "", CREATED, CREATED, CREATED);
    }

    @Test
    void responseHasGptLoadFieldsInOrder() {
        JsonObject o = json.response(standard(), settings);
        assertEquals(List.of("id", "name", "endpoint", "display_name", "description", "group_type", "upstreams",
                "channel_type", "sort", "test_model", "validation_endpoint", "param_overrides", "model_redirect_rules",
                "model_redirect_strict", "config", "header_rules", "proxy_keys", "last_validated_at", "created_at",
                "updated_at"), List.copyOf(o.keySet()));
        assertEquals("https://gw.example/proxy/std", o.getString("endpoint"));
        assertEquals("standard", o.getString("group_type"));
        assertEquals("[{\"url\":\"https://a.example\",\"weight\":2}]", o.get("upstreams").toString());
        assertEquals("{\"temperature\":0.5}", o.get("param_overrides").toString());
        assertEquals("{\"a\":\"b\"}", o.get("model_redirect_rules").toString());
        assertEquals("{\"max_retries\":1}", o.get("config").toString());
        assertEquals("[{\"key\":\"X-A\",\"value\":\"1\",\"action\":\"set\"}]", o.get("header_rules").toString());
        assertEquals(JsonValue.NULL, o.get("last_validated_at"));
        OffsetDateTime created = OffsetDateTime.parse(o.getString("created_at"));
        assertEquals(CREATED, created.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime());
        assertTrue(o.getString("created_at").contains(".12"), o.getString("created_at"));
    }

    @Test
    void emptyObjectsRenderAsNull() {
        JsonObject o = json.response(bareAggregate(), settings);
        assertEquals(JsonValue.NULL, o.get("param_overrides"));
        assertEquals(JsonValue.NULL, o.get("model_redirect_rules"));
        assertEquals(JsonValue.NULL, o.get("config"));
        assertEquals("[]", o.get("header_rules").toString());
        assertEquals("[]", o.get("upstreams").toString());
        assertEquals("aggregate", o.getString("group_type"));
        assertEquals("-", o.getString("test_model"));
        assertTrue(o.get("last_validated_at") instanceof jakarta.json.JsonString);
    }

    @Test
    void modelHasEmptyEndpointEffectiveConfigAndNoKeys() {
        JsonObject o = json.model(standard(), settings);
        assertEquals("", o.getString("endpoint"));
        assertEquals(JsonValue.NULL, o.get("api_keys"));
        JsonObject eff = o.getJsonObject("effective_config");
        assertEquals(1, eff.getInt("max_retries"));
        assertEquals(600, eff.getInt("request_timeout"));
        assertEquals(14, eff.size());
    }

    @Test
    void memberItem() {
        JsonObject o = json.member(new SubGroupMember(standard(), 10, new KeyCounts(5, 3, 2)), settings);
        assertEquals(List.of("group", "weight", "total_keys", "active_keys", "invalid_keys"), List.copyOf(o.keySet()));
        assertEquals(10, o.getInt("weight"));
        assertEquals(5, o.getInt("total_keys"));
        assertEquals(3, o.getInt("active_keys"));
        assertEquals(2, o.getInt("invalid_keys"));
        assertEquals("std", o.getJsonObject("group").getString("name"));
    }

    @Test
    void endpointJoinsAppUrl() {
        assertEquals("http://localhost:3001/proxy/a", GroupJson.endpoint("http://localhost:3001", "a"));
        assertEquals("http://h/base/proxy/a", GroupJson.endpoint("http://h/base//", "a"));
    }

    @Test
    void groupIds() {
        assertEquals(42, GroupIds.parse("42"));
        assertEquals(0, GroupIds.parse("0"));
        for (String bad : new String[] {"", "abc", "-1", "1.5", " 1", "99999999999999999999"}) {
            ApiException e = assertThrows(ApiException.class, () -> GroupIds.parse(bad), bad);
            assertEquals(400, e.status());
            assertEquals("BAD_REQUEST", e.code());
            assertEquals("Invalid group ID format", e.getMessage());
        }
    }


    @Test
    void listItemHasOnlyIdNameAndDisplayNameFilledIn() {
        JsonObject o = json.listItem(new io.gptload.group.GroupName(9, "g", "G"), settings);
        assertEquals(List.of("id", "name", "endpoint", "display_name", "description", "group_type", "upstreams",
                "channel_type", "sort", "test_model", "validation_endpoint", "param_overrides", "model_redirect_rules",
                "model_redirect_strict", "config", "header_rules", "proxy_keys", "last_validated_at", "created_at",
                "updated_at", "effective_config", "api_keys"), List.copyOf(o.keySet()));
        assertEquals(9, o.getInt("id"));
        assertEquals("g", o.getString("name"));
        assertEquals("G", o.getString("display_name"));
        assertEquals("", o.getString("endpoint"));
        assertEquals("", o.getString("group_type"));
        assertEquals(JsonValue.NULL, o.get("upstreams"));
        assertEquals(0, o.getInt("sort"));
        assertEquals("0001-01-01T00:00:00Z", o.getString("created_at"));
        JsonObject eff = o.getJsonObject("effective_config");
        assertEquals(0, eff.getInt("max_retries"));
        assertEquals("", eff.getString("failover_status_codes"));
        assertEquals(JsonValue.FALSE, eff.get("enable_request_body_logging"));
        assertEquals(14, eff.size());
    }

    @Test
    void statsAndParentShapes() {
        JsonObject s = json.stats(new KeyCounts(3, 2, 1), new io.gptload.requestlog.RequestTotals(3, 1),
                new io.gptload.requestlog.RequestTotals(4, 2), io.gptload.requestlog.RequestTotals.NONE);
        assertEquals("{\"key_stats\":{\"total_keys\":3,\"active_keys\":2,\"invalid_keys\":1},"
                + "\"stats_24_hour\":{\"total_requests\":3,\"failed_requests\":1,\"failure_rate\":0.3333},"
                + "\"stats_7_day\":{\"total_requests\":4,\"failed_requests\":2,\"failure_rate\":0.5},"
                + "\"stats_30_day\":{\"total_requests\":0,\"failed_requests\":0,\"failure_rate\":0}}", s.toString());
        assertEquals("{\"group_id\":4,\"name\":\"agg\",\"display_name\":\"\",\"weight\":0}",
                json.parent(new io.gptload.group.ParentAggregate(4, "agg", null, 0)).toString());
    }
}
