package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The group routes of {@code /api} against the running gateway (spec §3.3 Groups). */
@ExtendWith(SharedGateway.class)
class GroupsApiIT {

    private static final String UPSTREAMS = "[{\"url\":\"https://api.example.com\",\"weight\":1}]";

    private static String unique(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private static String standardBody(String name, String channel, String extra) {
        return "{\"name\":\"" + name + "\",\"channel_type\":\"" + channel + "\",\"test_model\":\"m\",\"upstreams\":"
                + UPSTREAMS + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static JsonObject create(Api api, String body) {
        Api.Resp r = api.post("/api/groups", body);
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.obj().getInt("code"));
        return r.data();
    }

    private static JsonObject standard(Api api, String name, String channel) {
        return create(api, standardBody(name, channel, ""));
    }

    private static JsonObject aggregate(Api api, String name, String channel) {
        return create(api, "{\"name\":\"" + name + "\",\"group_type\":\"aggregate\",\"channel_type\":\"" + channel + "\"}");
    }

    private static JsonObject find(Api api, long id) {
        Api.Resp r = api.get("/api/groups");
        assertEquals(200, r.status(), r.body());
        return r.obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getJsonNumber("id").longValue() == id).findFirst().orElse(null);
    }

    private static long id(JsonObject group) {
        return group.getJsonNumber("id").longValue();
    }

    private static void assertError(Api.Resp r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.obj().getString("code"), r.body());
    }

    private static void assertValidation(Api.Resp r, String mentions) {
        assertError(r, 400, "VALIDATION_FAILED");
        assertTrue(r.obj().getString("message").contains(mentions), r.body());
    }

    @Test
    void createsStandardGroupWithFullResponse(Api api) {
        String name = unique("std");
        JsonObject g = create(api, standardBody(name, "openai", """
                "display_name":" Std ","description":"d","sort":4,"validation_endpoint":"/v1/chat/completions",
                "param_overrides":{"temperature":0.2},"model_redirect_rules":{"a":"b"},"model_redirect_strict":true,
                "config":{"max_retries":2,"request_timeout":null},"header_rules":[{"key":"x-foo","value":"1","action":"set"}],
                "proxy_keys":"sk-1,sk-2\""""));
        assertEquals(List.of("id", "name", "endpoint", "display_name", "description", "group_type", "upstreams",
                "channel_type", "sort", "test_model", "validation_endpoint", "param_overrides", "model_redirect_rules",
                "model_redirect_strict", "config", "header_rules", "proxy_keys", "last_validated_at", "created_at",
                "updated_at"), List.copyOf(g.keySet()));
        assertEquals(name, g.getString("name"));
        assertTrue(g.getString("endpoint").endsWith("/proxy/" + name), g.toString());
        assertTrue(g.getString("endpoint").startsWith("http"), g.toString());
        assertEquals("Std", g.getString("display_name"));
        assertEquals("standard", g.getString("group_type"));
        assertEquals(UPSTREAMS.replace(" ", ""), g.get("upstreams").toString());
        assertEquals(4, g.getInt("sort"));
        assertEquals("{\"temperature\":0.2}", g.get("param_overrides").toString());
        assertEquals("{\"a\":\"b\"}", g.get("model_redirect_rules").toString());
        assertTrue(g.getBoolean("model_redirect_strict"));
        assertEquals("{\"max_retries\":2}", g.get("config").toString());
        assertEquals("[{\"key\":\"X-Foo\",\"value\":\"1\",\"action\":\"set\"}]", g.get("header_rules").toString());
        assertEquals("sk-1,sk-2", g.getString("proxy_keys"));
        assertEquals(JsonValue.NULL, g.get("last_validated_at"));
        OffsetDateTime.parse(g.getString("created_at"));
        OffsetDateTime.parse(g.getString("updated_at"));
        assertEquals(g, find(api, id(g)), "GET shows what create answered");
    }

    @Test
    void createsAggregateWithForcedFields(Api api) {
        JsonObject g = create(api, "{\"name\":\"" + unique("agg") + "\",\"group_type\":\"aggregate\",\"channel_type\":"
                + "\"openai\",\"test_model\":\"x\",\"validation_endpoint\":\"/v\",\"upstreams\":" + UPSTREAMS + "}");
        assertEquals("aggregate", g.getString("group_type"));
        assertEquals("[]", g.get("upstreams").toString());
        assertEquals("-", g.getString("test_model"));
        assertEquals("", g.getString("validation_endpoint"));
        assertEquals(JsonValue.NULL, g.get("param_overrides"));
        assertEquals(JsonValue.NULL, g.get("config"));
        assertEquals("[]", g.get("header_rules").toString());
    }

    @Test
    void listIsOrderedBySortThenNewestFirst(Api api) {
        long a = id(create(api, standardBody(unique("ord"), "openai", "\"sort\":-1000")));
        long b = id(create(api, standardBody(unique("ord"), "openai", "\"sort\":-1000")));
        long c = id(create(api, standardBody(unique("ord"), "openai", "\"sort\":-2000")));
        List<Long> ids = api.get("/api/groups").obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(GroupsApiIT::id).filter(i -> i == a || i == b || i == c).toList();
        assertEquals(List.of(c, b, a), ids);
    }

    @Test
    void updateChangesOnlyPresentFieldsAndRenames(Api api) {
        JsonObject before = create(api, standardBody(unique("upd"), "openai",
                "\"display_name\":\"D\",\"description\":\"keep\",\"config\":{\"max_retries\":1},\"proxy_keys\":\"k\""));
        String renamed = unique("renamed");
        Api.Resp r = api.put("/api/groups/" + id(before), "{\"name\":\"" + renamed + "\",\"display_name\":\"New\","
                + "\"test_model\":\"\",\"config\":null,\"group_type\":\"aggregate\",\"sort\":7}");
        assertEquals(200, r.status(), r.body());
        JsonObject after = r.data();
        assertEquals(renamed, after.getString("name"));
        assertTrue(after.getString("endpoint").endsWith("/proxy/" + renamed));
        assertEquals("New", after.getString("display_name"));
        assertEquals("keep", after.getString("description"));
        assertEquals("m", after.getString("test_model"));
        assertEquals("{\"max_retries\":1}", after.get("config").toString());
        assertEquals("standard", after.getString("group_type"));
        assertEquals(7, after.getInt("sort"));
        assertEquals("k", after.getString("proxy_keys"));
        assertEquals(before.getString("created_at"), after.getString("created_at"));
        assertEquals(after, find(api, id(before)));

        JsonObject cleared = api.put("/api/groups/" + id(before), "{\"config\":{},\"proxy_keys\":\"\","
                + "\"upstreams\":[{\"url\":\"http://b.example\",\"weight\":3}],\"test_model\":\"o1\"}").data();
        assertEquals(JsonValue.NULL, cleared.get("config"));
        assertEquals("", cleared.getString("proxy_keys"));
        assertEquals("[{\"url\":\"http://b.example\",\"weight\":3}]", cleared.get("upstreams").toString());
        assertEquals("o1", cleared.getString("test_model"));
    }

    @Test
    void duplicateNamesAreConflicts(Api api) {
        String name = unique("dup");
        standard(api, name, "openai");
        assertError(api.post("/api/groups", standardBody(name, "gemini", "")), 409, "DUPLICATE_RESOURCE");
        JsonObject other = standard(api, unique("dup"), "openai");
        assertError(api.put("/api/groups/" + id(other), "{\"name\":\" " + name + " \"}"), 409, "DUPLICATE_RESOURCE");
        assertEquals(other, find(api, id(other)));
        assertEquals(200, api.put("/api/groups/" + id(other), "{\"name\":\"" + other.getString("name") + "\"}").status(),
                "keeping one's own name is no conflict");
    }

    @Test
    void createRejectsInvalidInputAndStoresNothing(Api api) {
        String name = unique("bad");
        String[][] cases = {
            {"{\"name\":\"Bad Name\",\"channel_type\":\"openai\",\"test_model\":\"m\",\"upstreams\":" + UPSTREAMS + "}", "name"},
            {standardBody(name, "custom", ""), "channel_type"},
            {"{\"name\":\"" + name + "\",\"channel_type\":\"openai\",\"test_model\":\"m\",\"upstreams\":[{\"url\":\"ftp://x\",\"weight\":1}]}",
                "upstreams[0].url"},
            {"{\"name\":\"" + name + "\",\"channel_type\":\"openai\",\"test_model\":\"m\",\"upstreams\":[{\"url\":\"https://x.example\",\"weight\":0}]}",
                "upstreams"},
            {"{\"name\":\"" + name + "\",\"channel_type\":\"openai\",\"upstreams\":" + UPSTREAMS + "}", "test_model"},
            {standardBody(name, "openai", "\"header_rules\":[{\"key\":\"x-a\",\"value\":\"1\",\"action\":\"set\"},"
                + "{\"key\":\"X-A\",\"value\":\"2\",\"action\":\"set\"}]"), "header_rules[1].key"},
            {standardBody(name, "openai", "\"header_rules\":[{\"key\":\"x-a\",\"value\":\"1\",\"action\":\"add\"}]"),
                "header_rules[0].action"},
            {standardBody(name, "openai", "\"config\":{\"no_such_setting\":1}"), "no_such_setting"},
            {standardBody(name, "openai", "\"config\":{\"max_retries\":\"3\"}"), "config.max_retries"},
            {standardBody(name, "openai", "\"config\":{\"enable_request_body_logging\":1}"), "config.enable_request_body_logging"},
            {standardBody(name, "openai", "\"validation_endpoint\":\"https://x/v1\""), "validation_endpoint"},
            {standardBody(name, "openai", "\"model_redirect_rules\":{\"a\":\"\"}"), "model_redirect_rules"},
            {"{\"name\":\"" + name + "\",\"group_type\":\"aggregate\",\"channel_type\":\"openai\","
                + "\"model_redirect_rules\":{\"a\":\"b\"}}", "model_redirect_rules"},
        };
        for (String[] c : cases) {
            assertValidation(api.post("/api/groups", c[0]), c[1]);
        }
        boolean stored = api.get("/api/groups").obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .anyMatch(g -> g.getString("name").equals(name));
        assertFalse(stored, "no rejected group was stored");
    }

    @Test
    void rejectedUpdateChangesNothing(Api api) {
        JsonObject g = standard(api, unique("keep"), "openai");
        String path = "/api/groups/" + id(g);
        assertValidation(api.put(path, "{\"display_name\":\"changed\",\"upstreams\":[]}"), "upstreams");
        assertValidation(api.put(path, "{\"description\":\"changed\",\"config\":{\"max_retries\":-1}}"), "config.max_retries");
        assertValidation(api.put(path, "{\"sort\":3,\"name\":\"UPPER\"}"), "name");
        assertValidation(api.put(path, "{\"sort\":\"3\"}"), "sort");
        assertError(api.put(path, "{\"sort\":"), 400, "INVALID_JSON");
        assertEquals(g, find(api, id(g)));
    }

    @Test
    void aggregateUpdateKeepsChannelAndRefusesRedirects(Api api) {
        JsonObject agg = aggregate(api, unique("agg"), "openai");
        String path = "/api/groups/" + id(agg);
        JsonObject after = api.put(path, "{\"channel_type\":\"gemini\",\"description\":\"x\"}").data();
        assertEquals("openai", after.getString("channel_type"));
        assertEquals("x", after.getString("description"));
        assertValidation(api.put(path, "{\"model_redirect_rules\":{\"a\":\"b\"}}"), "model_redirect_rules");
    }

    @Test
    void subGroupsAddListAndRules(Api api) {
        JsonObject agg = aggregate(api, unique("agg"), "openai");
        JsonObject s1 = standard(api, unique("sub"), "openai");
        JsonObject s2 = create(api, standardBody(unique("sub"), "openai", "\"validation_endpoint\":\"/v1/chat/completions\""));
        JsonObject s3 = create(api, standardBody(unique("sub"), "openai", "\"validation_endpoint\":\"/other\""));
        JsonObject gem = standard(api, unique("gem"), "gemini");
        JsonObject agg2 = aggregate(api, unique("agg"), "openai");
        String path = "/api/groups/" + id(agg) + "/sub-groups";

        assertEquals("[]", api.get(path).obj().get("data").toString());
        Api.Resp added = api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(s1) + ",\"weight\":10},{\"group_id\":"
                + id(s2) + ",\"weight\":0}]}");
        assertEquals(200, added.status(), added.body());
        assertEquals("Sub groups added successfully", added.obj().getString("message"));
        assertFalse(added.obj().containsKey("data"));

        JsonArray list = api.get(path).obj().getJsonArray("data");
        assertEquals(2, list.size(), list.toString());
        JsonObject first = list.getJsonObject(0);
        assertEquals(List.of("group", "weight", "total_keys", "active_keys", "invalid_keys"), List.copyOf(first.keySet()));
        assertEquals(id(s1), id(first.getJsonObject("group")));
        assertEquals(10, first.getInt("weight"));
        assertEquals(0, first.getInt("total_keys"));
        assertEquals("", first.getJsonObject("group").getString("endpoint"));
        assertTrue(first.getJsonObject("group").containsKey("effective_config"));

        assertValidation(api.post(path, "{\"sub_groups\":[]}"), "sub_groups");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":0,\"weight\":1}]}"), "group_id");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(s3) + ",\"weight\":1001}]}"), "weight");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":999999999,\"weight\":1}]}"), "not found");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(agg2) + ",\"weight\":1}]}"), "aggregate");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(gem) + ",\"weight\":1}]}"), "channel type");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(s3) + ",\"weight\":1}]}"), "validation endpoint");
        assertValidation(api.post(path, "{\"sub_groups\":[{\"group_id\":" + id(s1) + ",\"weight\":1}]}"),
                "Sub group " + id(s1) + " already exists");
        assertEquals(list, api.get(path).obj().getJsonArray("data"), "rejected additions change nothing");

        assertError(api.get("/api/groups/" + id(s1) + "/sub-groups"), 400, "BAD_REQUEST");
        assertError(api.post("/api/groups/" + id(s1) + "/sub-groups", "{\"sub_groups\":[{\"group_id\":" + id(s2)
                + ",\"weight\":1}]}"), 400, "BAD_REQUEST");
        assertError(api.get("/api/groups/999999999/sub-groups"), 404, "NOT_FOUND");

        Api.Resp locked = api.put("/api/groups/" + id(s1), "{\"channel_type\":\"gemini\"}");
        assertValidation(locked, "1 aggregate");
        assertValidation(api.put("/api/groups/" + id(s1), "{\"validation_endpoint\":\"/x\"}"), "validation_endpoint");
        assertEquals(200, api.put("/api/groups/" + id(s1), "{\"channel_type\":\"openai\",\"sort\":1}").status());
        assertEquals("openai", find(api, id(s1)).getString("channel_type"));
    }

    @Test
    void deleteRemovesGroupKeysAndMemberships(Api api) {
        JsonObject agg = aggregate(api, unique("agg"), "anthropic");
        JsonObject sub = standard(api, unique("del"), "anthropic");
        String subPath = "/api/groups/" + id(agg) + "/sub-groups";
        assertEquals(200, api.post(subPath, "{\"sub_groups\":[{\"group_id\":" + id(sub) + ",\"weight\":5}]}").status());
        Api.Resp keys = api.post("/api/keys/add-multiple", "{\"group_id\":" + id(sub) + ",\"keys_text\":\"sk-a sk-b\"}");
        assertEquals(200, keys.status(), keys.body());
        JsonObject member = api.get(subPath).obj().getJsonArray("data").getJsonObject(0);
        assertEquals(2, member.getInt("total_keys"));
        assertEquals(2, member.getInt("active_keys"));
        assertEquals(0, member.getInt("invalid_keys"));

        Api.Resp del = api.delete("/api/groups/" + id(sub));
        assertEquals(200, del.status(), del.body());
        assertEquals("Group and related keys deleted successfully", del.obj().getString("message"));
        assertFalse(del.obj().containsKey("data"));
        assertEquals(null, find(api, id(sub)));
        assertEquals("[]", api.get(subPath).obj().get("data").toString());
        assertError(api.get("/api/keys?group_id=" + id(sub)), 404, "NOT_FOUND");
        assertError(api.delete("/api/groups/" + id(sub)), 404, "NOT_FOUND");

        assertEquals(200, api.delete("/api/groups/" + id(agg)).status());
        assertEquals(null, find(api, id(agg)));
    }

    @Test
    void badIdsUnknownIdsAndMalformedBodies(Api api) {
        assertError(api.put("/api/groups/abc", "{}"), 400, "BAD_REQUEST");
        assertEquals("Invalid group ID format", api.delete("/api/groups/-1").obj().getString("message"));
        assertError(api.get("/api/groups/x/sub-groups"), 400, "BAD_REQUEST");
        Api.Resp missing = api.put("/api/groups/999999999", "{\"sort\":1}");
        assertError(missing, 404, "NOT_FOUND");
        assertEquals("Resource not found", missing.obj().getString("message"));
        assertError(api.delete("/api/groups/999999999"), 404, "NOT_FOUND");
        assertError(api.post("/api/groups", "{\"name\":"), 400, "INVALID_JSON");
        assertError(api.post("/api/groups", "[1]"), 400, "INVALID_JSON");
        assertError(api.post("/api/groups", ""), 400, "INVALID_JSON");
    }

    @Test
    void channelTypes(Api api) {
        Api.Resp r = api.get("/api/channel-types");
        assertEquals(200, r.status(), r.body());
        assertEquals("[\"openai\",\"openai-response\",\"gemini\",\"anthropic\"]", r.obj().get("data").toString());
    }

    @Test
    void everyRouteNeedsTheAdminKey(Api api) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String[] route : new String[][] {{"GET", "/api/groups"}, {"POST", "/api/groups"}, {"PUT", "/api/groups/1"},
                {"DELETE", "/api/groups/1"}, {"GET", "/api/groups/1/sub-groups"}, {"POST", "/api/groups/1/sub-groups"},
                {"GET", "/api/channel-types"}}) {
            HttpRequest req = HttpRequest.newBuilder(api.gateway().uri(route[1]))
                    .header("Authorization", "Bearer wrong").header("Content-Type", "application/json")
                    .method(route[0], HttpRequest.BodyPublishers.ofString(route[0].equals("GET")
                            || route[0].equals("DELETE") ? "" : "{}")).build();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode(), route[0] + " " + route[1]);
            assertTrue(r.body().contains("\"UNAUTHORIZED\""), r.body());
        }
    }
}
