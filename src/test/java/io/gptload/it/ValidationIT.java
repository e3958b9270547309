package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Manual key validation (spec §3.3 {@code validate-group}, {@code test-multiple}; §2.6 with
 * DECISIONS 1): the async task's shape and result, key states after it, key tests, 409 while busy.
 */
@ExtendWith(SharedGateway.class)
class ValidationIT {

    private static final String BAD = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";

    /** Starts validate-group and waits for this group's task to finish; returns the final TaskStatus. */
    static JsonObject validate(Api api, long groupId, String name, String status) throws InterruptedException {
        String body = "{\"group_id\":" + groupId + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
        Api.Resp start = null;
        for (int i = 0; i < 100; i++) {
            start = api.post("/api/keys/validate-group", body);
            if (start.status() != 409 || !start.body().contains("already running")) {
                break;
            }
            Thread.sleep(200); // another test's task holds the one slot
        }
        assertEquals(200, start.status(), start.body());
        JsonObject t = start.data();
        assertEquals("KEY_VALIDATION", t.getString("task_type"));
        assertEquals(name, t.getString("group_name"));
        assertTrue(t.getInt("total") > 0);
        for (int i = 0; i < 300; i++) {
            JsonObject s = api.get("/api/tasks/status").data();
            if (!s.getBoolean("is_running") && name.equals(s.getString("group_name", ""))
                    && s.getString("started_at").equals(t.getString("started_at"))) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("validation of " + name + " did not finish");
    }

    /** key value → {status, failure_count}. */
    static Map<String, JsonObject> keys(Api api, long groupId) {
        JsonArray items = api.get("/api/keys?group_id=" + groupId + "&page_size=100").data().getJsonArray("items");
        Map<String, JsonObject> m = new HashMap<>();
        items.forEach(v -> m.put(v.asJsonObject().getString("key_value"), v.asJsonObject()));
        return m;
    }

    private static void assertKey(Map<String, JsonObject> keys, String key, String status, int failures) {
        JsonObject k = keys.get(key);
        assertEquals(status, k.getString("status"), key + ": " + k);
        assertEquals(failures, k.getInt("failure_count"), key + ": " + k);
    }

    private static void assertResult(JsonObject task, int total, int valid) {
        JsonObject r = task.getJsonObject("result");
        assertEquals(total, r.getInt("total_keys"), task.toString());
        assertEquals(valid, r.getInt("valid_keys"), task.toString());
        assertEquals(total - valid, r.getInt("invalid_keys"), task.toString());
        assertEquals(total, task.getInt("processed"));
        assertFalse(task.containsKey("error"), task.toString());
    }

    @Test
    void validateGroupCountsFailuresBlacklistsAtTheThresholdAndRestores(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("val");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"blacklist_threshold\":2}");
        String good = "sk-good-" + name;
        String bad = "sk-bad-" + name;
        String flaky = "sk-flaky-" + name;
        up.on(bad, FakeUpstream.json(401, BAD)).on(flaky, FakeUpstream.json(401, BAD));
        Fixtures.keys(api, id, good, bad, flaky);

        JsonObject first = validate(api, id, name, null);
        assertResult(first, 3, 1);
        Map<String, JsonObject> k = keys(api, id);
        assertKey(k, good, "active", 0);
        assertKey(k, bad, "active", 1); // a failed validation counts, but below the threshold
        assertKey(k, flaky, "active", 1);
        JsonObject probe = Api.parse(up.requests(good).get(0).bodyText());
        assertEquals("m", probe.getString("model"), "the probe uses the group's test model");
        assertEquals("/v1/chat/completions", up.requests(good).get(0).path());

        JsonObject second = validate(api, id, name, "active");
        assertResult(second, 3, 1);
        k = keys(api, id);
        assertKey(k, bad, "invalid", 2); // threshold reached
        assertKey(k, flaky, "invalid", 2);

        up.on(flaky, FakeUpstream.json(200, "{\"id\":\"ok\"}"));
        int badProbes = up.requests(bad).size();
        JsonObject third = validate(api, id, name, "invalid");
        assertResult(third, 2, 1);
        k = keys(api, id);
        assertKey(k, flaky, "active", 0); // restored
        assertKey(k, bad, "invalid", 2); // a failed validation of an invalid key changes nothing
        assertKey(k, good, "active", 0);
        assertEquals(badProbes + 1, up.requests(bad).size(), "status=invalid validated only the invalid keys");
        assertEquals(2, up.requests(good).size(), "the good key was validated twice (all, then active)");

        int before = up.requests(flaky).size();
        for (int i = 0; i < 4; i++) {
            assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name,
                    "{\"model\":\"x\"}").statusCode());
        }
        assertTrue(up.requests(flaky).size() > before, "the restored key is back in rotation");
        assertEquals(badProbes + 1, up.requests(bad).size(), "the invalid key is not used");
    }

    @Test
    void testMultipleReportsEachKeyInOrderAndUpdatesState(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("tst");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"blacklist_threshold\":1}");
        String good = "sk-tgood-" + name;
        String bad = "sk-tbad-" + name;
        String unknown = "sk-unknown-" + name;
        up.on(bad, FakeUpstream.json(401, BAD));
        Fixtures.keys(api, id, good, bad);
        Api.Resp r = api.post("/api/keys/test-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"" + unknown + "\\n"
                + good + "," + bad + "\"}");
        assertEquals(200, r.status(), r.body());
        JsonArray results = r.data().getJsonArray("results");
        assertTrue(r.data().getJsonNumber("total_duration").longValue() >= 0);
        assertEquals(3, results.size());
        JsonObject u = results.getJsonObject(0);
        assertEquals(unknown, u.getString("key_value"));
        assertFalse(u.getBoolean("is_valid"));
        assertEquals("Key does not exist in this group or has been removed.", u.getString("error"));
        JsonObject g = results.getJsonObject(1);
        assertEquals(good, g.getString("key_value"));
        assertTrue(g.getBoolean("is_valid"));
        assertFalse(g.containsKey("error"), "no error field for a valid key: " + g);
        JsonObject b = results.getJsonObject(2);
        assertEquals(bad, b.getString("key_value"));
        assertFalse(b.getBoolean("is_valid"));
        assertEquals("[status 401] Incorrect API key provided", b.getString("error"));
        assertEquals(0, up.requests(unknown).size(), "unknown keys are never sent upstream");
        Map<String, JsonObject> k = keys(api, id);
        assertKey(k, bad, "invalid", 1); // testing updates state like validation (threshold 1)
        assertKey(k, good, "active", 0);
    }

    @Test
    void errorsOfTheValidationRoutes(Api api, FakeUpstream up) {
        String name = Fixtures.unique("verr");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Api.Resp empty = api.post("/api/keys/validate-group", "{\"group_id\":" + id + "}");
        assertEquals(409, empty.status(), empty.body());
        assertEquals("TASK_IN_PROGRESS", empty.obj().getString("code"));
        assertTrue(empty.obj().getString("message").contains("no keys to validate"), empty.body());
        Api.Resp status = api.post("/api/keys/validate-group", "{\"group_id\":" + id + ",\"status\":\"gone\"}");
        assertEquals(400, status.status());
        assertEquals("VALIDATION_FAILED", status.obj().getString("code"));
        assertEquals(400, api.post("/api/keys/validate-group", "{}").status());
        assertEquals(404, api.post("/api/keys/validate-group", "{\"group_id\":987654321}").status());
        assertEquals(404, api.post("/api/keys/test-multiple", "{\"group_id\":987654321,\"keys_text\":\"k\"}").status());
        Api.Resp blank = api.post("/api/keys/test-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"  \"}");
        assertEquals(400, blank.status());
        assertEquals("VALIDATION_FAILED", blank.obj().getString("code"));

        String agg = Fixtures.unique("vagg");
        Api.Resp a = api.post("/api/groups", "{\"name\":\"" + agg + "\",\"group_type\":\"aggregate\","
                + "\"channel_type\":\"openai\",\"proxy_keys\":\"pk-" + agg + "\"}");
        long aggId = a.data().getJsonNumber("id").longValue();
        assertEquals(400, api.post("/api/keys/validate-group", "{\"group_id\":" + aggId + "}").status());
        assertEquals(400, api.post("/api/keys/test-multiple", "{\"group_id\":" + aggId + ",\"keys_text\":\"k\"}").status());
    }

    @Test
    void aSecondValidationWhileOneRunsIs409(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("vbusy");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"key_validation_timeout_seconds\":2}");
        String slow = "sk-slow-" + name;
        up.on(slow, FakeUpstream.hang());
        Fixtures.keys(api, id, slow);
        Api.Resp first = null;
        for (int i = 0; i < 100; i++) {
            first = api.post("/api/keys/validate-group", "{\"group_id\":" + id + "}");
            if (first.status() == 200) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(200, first.status(), first.body());
        assertTrue(first.data().getBoolean("is_running"));
        Api.Resp busy = api.post("/api/keys/validate-group", "{\"group_id\":" + id + "}");
        assertEquals(409, busy.status(), busy.body());
        assertEquals("TASK_IN_PROGRESS", busy.obj().getString("code"));
        JsonObject running = api.get("/api/tasks/status").data();
        assertTrue(running.getBoolean("is_running"));
        assertEquals(name, running.getString("group_name"));
        for (int i = 0; i < 100 && api.get("/api/tasks/status").data().getBoolean("is_running"); i++) {
            Thread.sleep(100);
        }
        JsonObject done = api.get("/api/tasks/status").data();
        assertFalse(done.getBoolean("is_running"), "the validation timeout ends the task");
        assertEquals(0, done.getJsonObject("result").getInt("valid_keys"));
        assertEquals(1, keys(api, id).get(slow).getInt("failure_count"), "a timed-out probe counts as a failure");
    }
}
