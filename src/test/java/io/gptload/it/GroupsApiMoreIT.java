package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remaining group routes of {@code /api} (spec §3.3 Groups): list, config options, reorder,
 * statistics, copy, sub-group weight and removal, parent aggregates; and that routing follows
 * membership changes at once.
 */
@ExtendWith(SharedGateway.class)
class GroupsApiMoreIT {

    private static final List<String> OVERRIDABLE = List.of("enable_request_body_logging", "request_timeout",
            "connect_timeout", "idle_conn_timeout", "response_header_timeout", "max_idle_conns",
            "max_idle_conns_per_host", "proxy_url", "max_retries", "blacklist_threshold", "failover_status_codes",
            "key_validation_interval_minutes", "key_validation_concurrency", "key_validation_timeout_seconds");

    private static long aggregate(Api api, String name, String proxyKey) {
        Api.Resp r = api.post("/api/groups", "{\"name\":\"" + name + "\",\"display_name\":\"Agg " + name
                + "\",\"group_type\":\"aggregate\",\"channel_type\":\"openai\",\"proxy_keys\":\"" + proxyKey + "\"}");
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonNumber("id").longValue();
    }

    private static void addMembers(Api api, long aggregateId, long... idAndWeight) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < idAndWeight.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("{\"group_id\":").append(idAndWeight[i]).append(",\"weight\":")
                    .append(idAndWeight[i + 1]).append('}');
        }
        Api.Resp r = api.post("/api/groups/" + aggregateId + "/sub-groups", "{\"sub_groups\":[" + items + "]}");
        assertEquals(200, r.status(), r.body());
    }

    private static JsonObject byId(JsonArray groups, long id) {
        return groups.getValuesAs(JsonObject.class).stream().filter(g -> g.getJsonNumber("id").longValue() == id)
                .findFirst().orElse(null);
    }

    private static void assertError(Api.Resp r, int status, String code, String messagePart) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.obj().getString("code"), r.body());
        assertTrue(r.obj().getString("message").contains(messagePart), r.body());
    }

    private static void assertMessageOnly(Api.Resp r, String message) {
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.obj().getInt("code"));
        assertEquals(message, r.obj().getString("message"));
        assertFalse(r.obj().containsKey("data"), r.body());
    }

    private static HttpResponse<String> chat(Api api, String group, String proxyKey) throws Exception {
        return Fixtures.post(api.gateway(), "/proxy/" + group + "/v1/chat/completions", proxyKey, "{}");
    }

    // ---- GET /api/groups/list ----

    @Test
    void listHasEveryGroupWithOnlyIdNameAndDisplayNameFilledIn(Api api, FakeUpstream up) {
        String name = Fixtures.unique("lst");
        long id = Fixtures.group(api, name, "gemini", up.baseUrl(), "pk-" + name,
                ",\"display_name\":\"Listed\",\"sort\":7,\"config\":{\"max_retries\":1}");
        Api.Resp r = api.get("/api/groups/list");
        assertEquals(200, r.status(), r.body());
        assertEquals("Success", r.obj().getString("message"));
        JsonObject g = byId(r.obj().getJsonArray("data"), id);
        assertEquals(List.of("id", "name", "endpoint", "display_name", "description", "group_type", "upstreams",
                "channel_type", "sort", "test_model", "validation_endpoint", "param_overrides", "model_redirect_rules",
                "model_redirect_strict", "config", "header_rules", "proxy_keys", "last_validated_at", "created_at",
                "updated_at", "effective_config", "api_keys"), List.copyOf(g.keySet()));
        assertEquals(name, g.getString("name"));
        assertEquals("Listed", g.getString("display_name"));
        assertEquals("", g.getString("channel_type"));
        assertEquals(0, g.getInt("sort"));
        assertEquals(JsonValue.NULL, g.get("upstreams"));
        assertEquals(JsonValue.NULL, g.get("config"));
        assertEquals("", g.getString("proxy_keys"), "no secrets in the picker list");
        assertEquals("0001-01-01T00:00:00Z", g.getString("created_at"));
        assertEquals(0, g.getJsonObject("effective_config").getInt("max_retries"));
        assertEquals(JsonValue.NULL, g.get("api_keys"));

        List<Long> all = api.get("/api/groups").obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("id").longValue()).toList();
        List<Long> listed = r.obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("id").longValue()).toList();
        assertEquals(all, listed, "same groups, same order (sort asc, id desc)");
    }

    // ---- GET /api/groups/config-options ----

    @Test
    void configOptionsAreTheOverridableSettingsWithCurrentSystemValues(Api api) {
        Api.Resp r = api.get("/api/groups/config-options");
        assertEquals(200, r.status(), r.body());
        List<JsonObject> options = r.obj().getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(OVERRIDABLE, options.stream().map(o -> o.getString("key")).toList());
        JsonObject current = new JsonObjectCollector().settings(api);
        for (JsonObject o : options) {
            assertEquals(List.of("key", "name", "description", "default_value"), List.copyOf(o.keySet()));
            assertFalse(o.getString("name").isBlank(), o.toString());
            assertFalse(o.getString("description").isBlank(), o.toString());
            assertEquals(current.get(o.getString("key")), o.get("default_value"), "system value, typed: " + o);
        }
        JsonObject retries = options.stream().filter(o -> o.getString("key").equals("max_retries")).findFirst().orElseThrow();
        assertEquals(JsonValue.ValueType.NUMBER, retries.get("default_value").getValueType());
        assertEquals(JsonValue.ValueType.STRING, options.get(OVERRIDABLE.indexOf("proxy_url")).get("default_value").getValueType());
        assertTrue(options.get(0).get("default_value") == JsonValue.TRUE || options.get(0).get("default_value") == JsonValue.FALSE);

        Api.Resp zh = api.send("GET", "/api/groups/config-options", null, "zh-CN");
        assertNotEquals(retries.getString("name"), zh.obj().getJsonArray("data").getJsonObject(OVERRIDABLE.indexOf("max_retries"))
                .getString("name"), "names follow Accept-Language");
    }

    /** Reads {@code GET /api/settings} as one flat object of typed values. */
    private static final class JsonObjectCollector {
        JsonObject settings(Api api) {
            var b = jakarta.json.Json.createObjectBuilder();
            for (JsonObject category : api.get("/api/settings").obj().getJsonArray("data").getValuesAs(JsonObject.class)) {
                for (JsonObject s : category.getJsonArray("settings").getValuesAs(JsonObject.class)) {
                    b.add(s.getString("key"), s.get("value"));
                }
            }
            return b.build();
        }
    }

    // ---- PUT /api/groups/reorder ----

    @Test
    void reorderSetsSortsAndTheListFollows(Api api, FakeUpstream up) {
        String n = Fixtures.unique("ord");
        long a = Fixtures.group(api, n + "-a", "openai", up.baseUrl(), "", "");
        long b = Fixtures.group(api, n + "-b", "openai", up.baseUrl(), "", "");
        long c = Fixtures.group(api, n + "-c", "openai", up.baseUrl(), "", "");
        Api.Resp r = api.put("/api/groups/reorder", "{\"items\":[{\"id\":" + a + ",\"sort\":900002},{\"id\":" + b
                + ",\"sort\":900000},{\"id\":" + c + ",\"sort\":900001}]}");
        assertMessageOnly(r, "Group order saved");
        JsonArray groups = api.get("/api/groups").obj().getJsonArray("data");
        assertEquals(900002, byId(groups, a).getInt("sort"));
        assertEquals(900000, byId(groups, b).getInt("sort"));
        List<Long> mine = groups.getValuesAs(JsonObject.class).stream().map(o -> o.getJsonNumber("id").longValue())
                .filter(id -> id == a || id == b || id == c).toList();
        assertEquals(List.of(b, c, a), mine);
        List<Long> listed = api.get("/api/groups/list").obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getJsonNumber("id").longValue()).filter(id -> id == a || id == b || id == c).toList();
        assertEquals(List.of(b, c, a), listed);
    }

    @Test
    void reorderRejectsBadItemsAndChangesNothing(Api api, FakeUpstream up) {
        String n = Fixtures.unique("ordbad");
        long a = Fixtures.group(api, n, "openai", up.baseUrl(), "", ",\"sort\":5");
        assertError(api.put("/api/groups/reorder", "{\"items\":[]}"), 400, "VALIDATION_FAILED", "items");
        assertError(api.put("/api/groups/reorder", "{}"), 400, "VALIDATION_FAILED", "items");
        assertError(api.put("/api/groups/reorder", "{\"items\":[{\"id\":0,\"sort\":1}]}"), 400, "VALIDATION_FAILED",
                "items[0].id");
        assertError(api.put("/api/groups/reorder", "{\"items\":[{\"id\":" + a + ",\"sort\":-1}]}"), 400,
                "VALIDATION_FAILED", "items[0].sort");
        assertError(api.put("/api/groups/reorder", "{\"items\":[{\"id\":" + a + ",\"sort\":1},{\"id\":" + a
                + ",\"sort\":2}]}"), 400, "VALIDATION_FAILED", "items[1].id");
        assertError(api.put("/api/groups/reorder", "{\"items\":[{\"id\":" + a + ",\"sort\":1},{\"id\":987654321,"
                + "\"sort\":2}]}"), 400, "VALIDATION_FAILED", "987654321");
        assertEquals(5, byId(api.get("/api/groups").obj().getJsonArray("data"), a).getInt("sort"),
                "a refused reorder changes no group");
        assertError(api.put("/api/groups/reorder", "{\"items\":"), 400, "INVALID_JSON", "");
    }

    // ---- GET /api/groups/{id}/stats ----

    @Test
    void statsCountKeysAndFinalRequestsOfStandardAndAggregateGroups(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("stat");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":1}");
        String bad = "sk-statbad-" + name;
        String good = "sk-statgood-" + name;
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"no\"}}"));
        up.on(good, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, id, bad, good);
        String agg = Fixtures.unique("statagg");
        long aggId = aggregate(api, agg, "pk-" + agg);
        addMembers(api, aggId, id, 1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(chat(api, name, "pk-" + name).statusCode());
        }
        assertEquals(1, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        for (int i = 0; i < 2; i++) {
            assertEquals(200, chat(api, agg, "pk-" + agg).statusCode());
        }

        JsonObject stats = awaitStats(api, id, 5);
        assertEquals(List.of("key_stats", "stats_24_hour", "stats_7_day", "stats_30_day"), List.copyOf(stats.keySet()));
        JsonObject day = stats.getJsonObject("stats_24_hour");
        assertEquals(List.of("total_requests", "failed_requests", "failure_rate"), List.copyOf(day.keySet()));
        assertEquals(5, day.getInt("total_requests"));
        assertEquals(1, day.getInt("failed_requests"));
        assertEquals("0.2", day.getJsonNumber("failure_rate").toString());
        assertEquals(day, stats.getJsonObject("stats_7_day"));
        assertEquals(day, stats.getJsonObject("stats_30_day"));
        JsonObject keys = awaitInvalidKey(api, id);
        assertEquals(2, keys.getInt("total_keys"));
        assertEquals(1, keys.getInt("active_keys"));
        assertEquals(1, keys.getInt("invalid_keys"));

        JsonObject aggStats = awaitStats(api, aggId, 2);
        assertEquals("{\"total_keys\":0,\"active_keys\":0,\"invalid_keys\":0}", aggStats.getJsonObject("key_stats").toString());
        assertEquals("{\"total_requests\":2,\"failed_requests\":0,\"failure_rate\":0}",
                aggStats.getJsonObject("stats_24_hour").toString());
    }

    @Test
    void statsOfAFreshGroupAreZeroAndUnknownGroupsAre404(Api api, FakeUpstream up) {
        long id = Fixtures.group(api, Fixtures.unique("stat0"), "openai", up.baseUrl(), "", "");
        Api.Resp r = api.get("/api/groups/" + id + "/stats");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"total_requests\":0,\"failed_requests\":0,\"failure_rate\":0}",
                r.data().getJsonObject("stats_30_day").toString());
        assertError(api.get("/api/groups/987654321/stats"), 404, "NOT_FOUND", "Resource not found");
        assertError(api.get("/api/groups/abc/stats"), 400, "BAD_REQUEST", "Invalid group ID format");
    }

    private static JsonObject awaitStats(Api api, long id, int total) throws InterruptedException {
        JsonObject stats = null;
        for (int i = 0; i < 150; i++) {
            Api.Resp r = api.get("/api/groups/" + id + "/stats");
            assertEquals(200, r.status(), r.body());
            stats = r.data();
            if (stats.getJsonObject("stats_24_hour").getInt("total_requests") >= total) {
                return stats;
            }
            Thread.sleep(100); // hourly stats are written with the request-log flush
        }
        return stats;
    }

    private static JsonObject awaitInvalidKey(Api api, long id) throws InterruptedException {
        JsonObject keys = null;
        for (int i = 0; i < 50; i++) {
            keys = api.get("/api/groups/" + id + "/stats").data().getJsonObject("key_stats");
            if (keys.getInt("invalid_keys") > 0) {
                return keys;
            }
            Thread.sleep(100);
        }
        return keys;
    }

    // ---- POST /api/groups/{id}/copy ----

    @Test
    void copyDuplicatesEveryFieldUnderAFreeName(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("src");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, """
                ,"display_name":"Source","description":"desc","sort":3,"validation_endpoint":"/v1/models",
                "param_overrides":{"temperature":0.5},"model_redirect_rules":{"alias":"real"},
                "model_redirect_strict":true,"config":{"max_retries":2},
                "header_rules":[{"key":"X-Copy","value":"1","action":"set"}]""");
        String agg = Fixtures.unique("srcagg");
        long aggId = aggregate(api, agg, "");
        addMembers(api, aggId, id, 5);
        JsonObject source = byId(api.get("/api/groups").obj().getJsonArray("data"), id);

        Api.Resp r = api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":\"none\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals(Set.of("group"), r.data().keySet());
        JsonObject copy = r.data().getJsonObject("group");
        long copyId = copy.getJsonNumber("id").longValue();
        assertNotEquals(id, copyId);
        assertEquals(name + "_copy", copy.getString("name"));
        assertEquals("Source Copy", copy.getString("display_name"));
        assertTrue(copy.getString("endpoint").endsWith("/proxy/" + name + "_copy"), copy.toString());
        for (String field : List.of("description", "group_type", "upstreams", "channel_type", "sort", "test_model",
                "validation_endpoint", "param_overrides", "model_redirect_rules", "model_redirect_strict", "config",
                "header_rules", "proxy_keys")) {
            assertEquals(source.get(field), copy.get(field), field);
        }
        assertEquals(JsonValue.NULL, copy.get("last_validated_at"));
        assertEquals(copy, byId(api.get("/api/groups").obj().getJsonArray("data"), copyId), "stored as returned");
        assertEquals("[]", api.get("/api/groups/" + copyId + "/parent-aggregate-groups").obj().getJsonArray("data").toString(),
                "memberships are not copied");
        assertEquals(1, api.get("/api/groups/" + aggId + "/sub-groups").obj().getJsonArray("data").size());

        assertEquals(name + "_copy_2", api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":\"none\"}").data()
                .getJsonObject("group").getString("name"));
        assertEquals(name + "_copy_3", api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":\"none\"}").data()
                .getJsonObject("group").getString("name"));
        assertEquals(name + "_copy_copy", api.post("/api/groups/" + copyId + "/copy", "{\"copy_keys\":\"none\"}")
                .data().getJsonObject("group").getString("name"));
    }

    @Test
    void copyTakesAllKeysOnlyActiveOnesOrNone(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("ksrc");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":1}");
        String bad = "sk-cpbad-" + name;
        String good1 = "sk-cpgood1-" + name;
        String good2 = "sk-cpgood2-" + name;
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"no\"}}"));
        Fixtures.keys(api, id, bad, good1, good2);
        for (int i = 0; i < 3; i++) {
            chat(api, name, "pk-" + name);
        }
        assertEquals(1, awaitInvalidKey(api, id).getInt("invalid_keys"));

        Tasks.awaitIdle(api);
        long none = copy(api, id, "{\"copy_keys\":\"none\"}");
        assertFalse(api.get("/api/tasks/status").data().getBoolean("is_running"), "copy_keys none starts no task");
        long valid = copyAndAwaitImport(api, id, "{\"copy_keys\":\"valid_only\"}", 2);
        long all = copyAndAwaitImport(api, id, "{\"copy_keys\":\"\"}", 3);
        long allExplicit = copyAndAwaitImport(api, id, "{\"copy_keys\":\"all\"}", 3);
        assertEquals(Set.of(), keysOf(api, none));
        assertEquals(Set.of(good1, good2), keysOf(api, valid));
        assertEquals(Set.of(bad, good1, good2), keysOf(api, all));
        assertEquals(Set.of(bad, good1, good2), keysOf(api, allExplicit));
        assertEquals("{\"total_keys\":3,\"active_keys\":3,\"invalid_keys\":0}",
                api.get("/api/groups/" + all + "/stats").data().getJsonObject("key_stats").toString(),
                "copies arrive as new active keys");
        assertEquals(3, keysOf(api, id).size(), "the source keeps its keys");

        String copyName = api.get("/api/groups").obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getJsonNumber("id").longValue() == valid).findFirst().orElseThrow().getString("name");
        int before = up.requestsWithKeyPrefix("sk-cpgood").size();
        HttpResponse<String> served = chat(api, copyName, "pk-" + name);
        assertEquals(200, served.statusCode(), "the copy serves at once, with its copied keys and proxy keys");
        assertEquals(before + 1, up.requestsWithKeyPrefix("sk-cpgood").size());
    }

    @Test
    void copyWhileAnotherTaskRunsCopiesTheGroupWithoutKeys(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("cpbusy");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "", "");
        Fixtures.keys(api, id, "sk-cpbusy-" + name);
        String other = Fixtures.unique("cpbusyother");
        long otherId = Fixtures.group(api, other, "openai", up.baseUrl(), "", "");
        String text = IntStream.range(0, 40_000).mapToObj(i -> "sk-bulk-" + i + "-" + other)
                .collect(Collectors.joining(" "));
        Api.Resp bulk = api.post("/api/keys/add-async", "{\"group_id\":" + otherId + ",\"keys_text\":\"" + text + "\"}");
        assertEquals(200, bulk.status(), bulk.body());

        Api.Resp r = api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":\"all\"}");
        JsonObject during = api.get("/api/tasks/status").data();
        assertEquals(200, r.status(), "the copy succeeds although its keys cannot be imported now: " + r.body());
        long copyId = r.data().getJsonObject("group").getJsonNumber("id").longValue();
        Assumptions.assumeTrue(during.getBoolean("is_running") && other.equals(during.getString("group_name")),
                "the bulk import ended before the copy; nothing to observe");
        Tasks.Run run = Tasks.awaitFinished(api, 300_000, 100);
        assertEquals(other, run.status().getString("group_name"), "the running task was not replaced");
        assertEquals(Set.of(), keysOf(api, copyId), "silently skipped while another task ran");
    }

    @Test
    void copyRejectsBadInput(Api api, FakeUpstream up) {
        long id = Fixtures.group(api, Fixtures.unique("cpbad"), "openai", up.baseUrl(), "", "");
        assertError(api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":\"some\"}"), 400, "VALIDATION_FAILED",
                "copy_keys");
        assertError(api.post("/api/groups/" + id + "/copy", "{\"copy_keys\":1}"), 400, "VALIDATION_FAILED", "copy_keys");
        assertError(api.post("/api/groups/" + id + "/copy", ""), 400, "INVALID_JSON", "");
        assertError(api.post("/api/groups/987654321/copy", "{\"copy_keys\":\"none\"}"), 404, "NOT_FOUND",
                "Resource not found");
        assertError(api.post("/api/groups/x1/copy", "{}"), 400, "BAD_REQUEST", "Invalid group ID format");
    }

    private static long copy(Api api, long id, String body) {
        Api.Resp r = api.post("/api/groups/" + id + "/copy", body);
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonObject("group").getJsonNumber("id").longValue();
    }

    /** Copies, then waits for the copy's {@code KEY_IMPORT} task and checks what it reports. */
    private static long copyAndAwaitImport(Api api, long id, String body, int added) throws InterruptedException {
        long copyId = copy(api, id, body);
        JsonObject status = Tasks.awaitFinished(api, 60_000, 50).status();
        assertEquals("KEY_IMPORT", status.getString("task_type"), status.toString());
        String copyName = byId(api.get("/api/groups").obj().getJsonArray("data"), copyId).getString("name");
        assertEquals(copyName, status.getString("group_name"), status.toString());
        assertEquals(added, status.getJsonObject("result").getInt("added_count"), status.toString());
        return copyId;
    }

    private static Set<String> keysOf(Api api, long groupId) {
        Api.Resp r = api.get("/api/keys?group_id=" + groupId + "&page_size=100");
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("key_value")).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- sub-group weight, removal, parents ----

    @Test
    void weightZeroStopsRoutingAndRemovalTakesEffectAtOnce(Api api, FakeUpstream up) throws Exception {
        String a = Fixtures.unique("wa");
        String b = Fixtures.unique("wb");
        long aId = Fixtures.group(api, a, "openai", up.baseUrl(), "", "");
        long bId = Fixtures.group(api, b, "openai", up.baseUrl(), "", "");
        Fixtures.keys(api, aId, "sk-wa-" + a);
        Fixtures.keys(api, bId, "sk-wb-" + b);
        String agg = Fixtures.unique("wagg");
        long aggId = aggregate(api, agg, "pk-" + agg);
        addMembers(api, aggId, aId, 1, bId, 1);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, chat(api, agg, "pk-" + agg).statusCode());
        }
        assertEquals(2, up.requests("sk-wa-" + a).size());
        assertEquals(2, up.requests("sk-wb-" + b).size());

        assertMessageOnly(api.put("/api/groups/" + aggId + "/sub-groups/" + aId + "/weight", "{\"weight\":0}"),
                "Sub group weight updated successfully");
        JsonObject member = api.get("/api/groups/" + aggId + "/sub-groups").obj().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getJsonObject("group").getJsonNumber("id").longValue() == aId).findFirst().orElseThrow();
        assertEquals(0, member.getInt("weight"));
        for (int i = 0; i < 4; i++) {
            assertEquals(200, chat(api, agg, "pk-" + agg).statusCode());
        }
        assertEquals(2, up.requests("sk-wa-" + a).size(), "a member with weight 0 gets no traffic");
        assertEquals(6, up.requests("sk-wb-" + b).size());

        assertMessageOnly(api.put("/api/groups/" + aggId + "/sub-groups/" + aId + "/weight", "{\"weight\":1000}"), 
                "Sub group weight updated successfully");
        assertMessageOnly(api.delete("/api/groups/" + aggId + "/sub-groups/" + bId), "Sub group deleted successfully");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, chat(api, agg, "pk-" + agg).statusCode());
        }
        assertEquals(5, up.requests("sk-wa-" + a).size(), "the remaining member takes all traffic");
        assertEquals(6, up.requests("sk-wb-" + b).size(), "a removed member gets no traffic");
        assertEquals(1, api.get("/api/groups/" + aggId + "/sub-groups").obj().getJsonArray("data").size());
        assertEquals("[]", api.get("/api/groups/" + bId + "/parent-aggregate-groups").obj().getJsonArray("data").toString());

        assertMessageOnly(api.put("/api/groups/" + aggId + "/sub-groups/" + aId + "/weight", "{\"weight\":0}"),
                "Sub group weight updated successfully");
        HttpResponse<String> none = chat(api, agg, "pk-" + agg);
        assertEquals(503, none.statusCode(), "no member with a positive weight: " + none.body());
    }

    @Test
    void weightAndRemovalRejectBadInput(Api api, FakeUpstream up) {
        long m = Fixtures.group(api, Fixtures.unique("wm"), "openai", up.baseUrl(), "", "");
        long other = Fixtures.group(api, Fixtures.unique("wo"), "openai", up.baseUrl(), "", "");
        long aggId = aggregate(api, Fixtures.unique("wbad"), "");
        addMembers(api, aggId, m, 10);
        String weight = "/api/groups/" + aggId + "/sub-groups/" + m + "/weight";
        for (String bad : List.of("1001", "-1", "2.5", "\"7\"")) {
            assertError(api.put(weight, "{\"weight\":" + bad + "}"), 400, "VALIDATION_FAILED", "weight");
        }
        assertError(api.put(weight, "not json"), 400, "INVALID_JSON", "");
        assertEquals(10, api.get("/api/groups/" + aggId + "/sub-groups").obj().getJsonArray("data").getJsonObject(0)
                .getInt("weight"), "refused changes leave the weight");
        assertMessageOnly(api.put(weight, "{}"), "Sub group weight updated successfully");
        assertEquals(0, api.get("/api/groups/" + aggId + "/sub-groups").obj().getJsonArray("data").getJsonObject(0)
                .getInt("weight"), "an absent weight is 0, as gpt-load binds it");

        assertError(api.put("/api/groups/" + aggId + "/sub-groups/" + other + "/weight", "{\"weight\":1}"), 404,
                "NOT_FOUND", "Sub group not found");
        assertError(api.put("/api/groups/987654321/sub-groups/" + m + "/weight", "{\"weight\":1}"), 404, "NOT_FOUND",
                "Resource not found");
        assertError(api.put("/api/groups/" + other + "/sub-groups/" + m + "/weight", "{\"weight\":1}"), 400,
                "BAD_REQUEST", "aggregate");
        assertError(api.put("/api/groups/" + aggId + "/sub-groups/x/weight", "{\"weight\":1}"), 400, "BAD_REQUEST",
                "Invalid sub-group ID");
        assertError(api.put("/api/groups/y/sub-groups/" + m + "/weight", "{\"weight\":1}"), 400, "BAD_REQUEST",
                "Invalid group ID format");

        assertError(api.delete("/api/groups/" + aggId + "/sub-groups/" + other), 404, "NOT_FOUND", "Sub group not found");
        assertError(api.delete("/api/groups/987654321/sub-groups/" + m), 404, "NOT_FOUND", "Resource not found");
        assertError(api.delete("/api/groups/" + other + "/sub-groups/" + m), 400, "BAD_REQUEST", "aggregate");
        assertError(api.delete("/api/groups/" + aggId + "/sub-groups/-1"), 400, "BAD_REQUEST", "Invalid sub-group ID");
        assertMessageOnly(api.delete("/api/groups/" + aggId + "/sub-groups/" + m), "Sub group deleted successfully");
        assertError(api.delete("/api/groups/" + aggId + "/sub-groups/" + m), 404, "NOT_FOUND", "Sub group not found");
    }

    @Test
    void parentAggregateGroupsListEveryAggregateWithTheMembersWeight(Api api, FakeUpstream up) {
        long m = Fixtures.group(api, Fixtures.unique("pm"), "openai", up.baseUrl(), "", "");
        String n1 = Fixtures.unique("pa1");
        String n2 = Fixtures.unique("pa2");
        long p1 = aggregate(api, n1, "");
        long p2 = aggregate(api, n2, "");
        addMembers(api, p1, m, 3);
        addMembers(api, p2, m, 0);
        Api.Resp r = api.get("/api/groups/" + m + "/parent-aggregate-groups");
        assertEquals(200, r.status(), r.body());
        assertEquals("[{\"group_id\":" + p1 + ",\"name\":\"" + n1 + "\",\"display_name\":\"Agg " + n1
                + "\",\"weight\":3},{\"group_id\":" + p2 + ",\"name\":\"" + n2 + "\",\"display_name\":\"Agg " + n2
                + "\",\"weight\":0}]", r.obj().getJsonArray("data").toString());

        assertMessageOnly(api.put("/api/groups/" + p2 + "/sub-groups/" + m + "/weight", "{\"weight\":250}"),
                "Sub group weight updated successfully");
        assertEquals(250, api.get("/api/groups/" + m + "/parent-aggregate-groups").obj().getJsonArray("data")
                .getJsonObject(1).getInt("weight"));
        assertEquals(200, api.delete("/api/groups/" + p1).status());
        assertEquals(1, api.get("/api/groups/" + m + "/parent-aggregate-groups").obj().getJsonArray("data").size(),
                "deleting an aggregate removes its memberships");

        assertEquals("[]", api.get("/api/groups/" + p2 + "/parent-aggregate-groups").obj().getJsonArray("data").toString());
        assertEquals("[]", api.get("/api/groups/987654321/parent-aggregate-groups").obj().getJsonArray("data").toString(),
                "an unknown group has no parents (gpt-load answers 200 [])");
        assertError(api.get("/api/groups/1.5/parent-aggregate-groups"), 400, "BAD_REQUEST", "Invalid group ID format");
    }
}
