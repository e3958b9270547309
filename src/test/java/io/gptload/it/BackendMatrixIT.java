package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Persistence on every supported database, through the real server (spec §1 row 61, §4;
 * DECISIONS 15): a gateway on a fresh H2 file, PostgreSQL or MariaDB database stores a group with
 * every JSON field, keys, a request log and a setting; a second gateway started on the same
 * database sees all of it unchanged and serves traffic with the stored keys. The tables are then
 * read directly to check that they hold what gpt-load would find there.
 */
class BackendMatrixIT {

    private static final String GROUP_JSON_FIELDS = ",\"display_name\":\"Bäckend ✓ 测试\",\"description\":\"ünïcode & 'quotes'\""
            + ",\"sort\":7,\"validation_endpoint\":\"/v1/chat/completions?probe=1\",\"model_redirect_strict\":false";

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void everythingSurvivesARestart(Backend backend) throws Exception {
        try (FakeUpstream up = FakeUpstream.start(); ScratchDatabase db = ScratchDatabase.create(backend)) {
            String name = Fixtures.unique("bm-" + backend.name().toLowerCase());
            JsonObject sent = groupBody(name, up.baseUrl());
            String tag = backend.name().toLowerCase();
            String[] keys = {"sk-bm1-" + name, "sk-bm2-" + name};
            Map<String, JsonValue> before = new HashMap<>();
            long groupId;

            try (Gateway gw = Gateway.start("backend-" + tag + "-1", db.env(), db.workDir())) {
                if (backend == Backend.H2) {
                    assertTrue(Files.isRegularFile(gw.workDir().resolve("data/gpt-load.mv.db")),
                            "the default database is the H2 file ./data/gpt-load.mv.db");
                }
                Api api = new Api(gw);
                Api.Resp created = api.post("/api/groups", sent.toString());
                assertEquals(200, created.status(), created.body());
                groupId = created.data().getJsonNumber("id").longValue();
                JsonObject stored = group(api, name);
                assertGroupMatches(sent, stored);

                Fixtures.keys(api, groupId, keys);
                JsonArray keyItems = keys(api, groupId);
                assertEquals(Set.of(keys[0], keys[1]), values(keyItems, "key_value"));

                String usedKey = proxyOnce(gw, up, name, keys);
                JsonArray logs = RequestLogIT.awaitLogs(api, "group_name=" + name, 1);
                assertEquals(1, logs.size(), logs.toString());
                JsonObject log = logs.getJsonObject(0);
                assertEquals(200, log.getInt("status_code"));
                assertEquals(usedKey, log.getString("key_value"));
                awaitRequestCount(api, groupId, usedKey);

                Api.Resp put = api.put("/api/settings", "{\"max_retries\":5,\"app_url\":\"http://gw.example:3001\"}");
                assertEquals(200, put.status(), put.body());
                assertEquals("5", setting(api, "max_retries").toString());
                assertEquals("\"http://gw.example:3001\"", setting(api, "app_url").toString());

                before.put("group", group(api, name));
                before.put("keys", keys(api, groupId));
                before.put("logs", api.get("/api/logs?group_name=" + name).data().getJsonArray("items"));
            }

            try (Gateway gw = Gateway.start("backend-" + tag + "-2", db.env(), db.workDir())) {
                Api api = new Api(gw);
                assertEquals(before.get("group"), group(api, name), "group after restart");
                assertEquals(before.get("keys"), keys(api, groupId), "keys after restart");
                assertEquals(before.get("logs"), api.get("/api/logs?group_name=" + name).data().getJsonArray("items"),
                        "request logs after restart");
                assertEquals("5", setting(api, "max_retries").toString(), "settings after restart");
                assertEquals("\"http://gw.example:3001\"", setting(api, "app_url").toString());
                Set<String> used = new TreeSet<>();
                used.add(proxyOnce(gw, up, name, keys));
                used.add(proxyOnce(gw, up, name, keys));
                assertEquals(Set.of(keys[0], keys[1]), used, "both stored keys are back in rotation");
                assertEquals(3, RequestLogIT.awaitLogs(api, "group_name=" + name, 3).size());
            }

            try (Connection c = db.connect()) {
                assertTables(c, db, name, sent, keys);
            }
        }
    }

    /** A standard group with every JSON column set. */
    private static JsonObject groupBody(String name, String upstream) {
        String body = "{\"name\":\"" + name + "\",\"channel_type\":\"openai\",\"test_model\":\"gpt-test\""
                + ",\"proxy_keys\":\"pk-" + name + ",pk2-" + name + "\""
                + ",\"upstreams\":[{\"url\":\"" + upstream + "\",\"weight\":3},{\"url\":\"http://127.0.0.1:9/off\",\"weight\":0}]"
                + ",\"param_overrides\":{\"temperature\":0.5,\"max_tokens\":64,\"stop\":[\"END\"],\"meta\":{\"tier\":\"é\"}}"
                + ",\"model_redirect_rules\":{\"alias\":\"gpt-real\",\"other\":\"gpt-other\"}"
                + ",\"header_rules\":[{\"key\":\"X-Backend\",\"value\":\"${GROUP_NAME}\",\"action\":\"set\"},"
                + "{\"key\":\"X-Drop-Me\",\"value\":\"\",\"action\":\"remove\"}]"
                + ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0,\"request_timeout\":120,"
                + "\"failover_status_codes\":\"500-599\"}"
                + GROUP_JSON_FIELDS + "}";
        return json(body).asJsonObject();
    }

    private static void assertGroupMatches(JsonObject sent, JsonObject stored) {
        for (String field : List.of("name", "channel_type", "test_model", "proxy_keys", "upstreams", "param_overrides",
                "model_redirect_rules", "header_rules", "config", "display_name", "description", "sort",
                "validation_endpoint", "model_redirect_strict")) {
            assertEquals(sent.get(field), stored.get(field), field + " as read back: " + stored);
        }
        assertEquals("standard", stored.getString("group_type"));
    }

    /** Sends one chat request (model "alias") and returns the real key the upstream received. */
    private static String proxyOnce(Gateway gw, FakeUpstream up, String name, String[] keys) throws Exception {
        int before = up.requestsWithKeyPrefix("sk-bm").size();
        var r = Fixtures.send(java.net.http.HttpRequest.newBuilder(gw.uri("/proxy/" + name + "/v1/chat/completions"))
                .header("Authorization", "Bearer pk2-" + name).header("X-Drop-Me", "gone")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\":\"alias\",\"temperature\":1}")));
        assertEquals(200, r.statusCode(), r.body());
        List<FakeUpstream.Recorded> got = up.requestsWithKeyPrefix("sk-bm");
        assertEquals(before + 1, got.size());
        FakeUpstream.Recorded req = got.get(got.size() - 1);
        assertTrue(Set.of(keys).contains(req.key()), req.key());
        JsonObject body = json(req.bodyText()).asJsonObject();
        assertEquals("gpt-real", body.getString("model"), "model redirect rule applied");
        assertEquals("0.5", body.get("temperature").toString(), "param override applied");
        assertEquals("END", body.getJsonArray("stop").getString(0));
        assertEquals(name, req.header("X-Backend"), "header rule applied");
        assertEquals(null, req.header("X-Drop-Me"), "remove rule applied");
        return req.key();
    }

    private static void awaitRequestCount(Api api, long groupId, String key) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            JsonObject row = api.get("/api/keys?group_id=" + groupId + "&key_value=" + key).data()
                    .getJsonArray("items").getJsonObject(0);
            if (row.getInt("request_count") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("request_count of the used key never became 1");
    }

    private static void assertTables(Connection c, ScratchDatabase db, String name, JsonObject sent, String[] keys)
            throws Exception {
        long groupId;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, upstreams, param_overrides, model_redirect_rules,"
                + " header_rules, config, display_name, created_at FROM " + db.groupsTable() + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "group row");
                groupId = rs.getLong("id");
                for (String column : List.of("upstreams", "param_overrides", "model_redirect_rules", "header_rules",
                        "config")) {
                    assertEquals(sent.get(column), json(rs.getString(column)), "groups." + column + " holds the JSON");
                }
                assertEquals(sent.getString("display_name"), rs.getString("display_name"), "unicode kept");
                assertFalse(rs.getTimestamp("created_at") == null);
            }
        }
        Map<String, String> hashes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key_value, key_hash, status FROM api_keys WHERE group_id = ?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertEquals("active", rs.getString("status"));
                    hashes.put(rs.getString("key_value"), rs.getString("key_hash"));
                }
            }
        }
        assertEquals(Map.of(keys[0], sha256(keys[0]), keys[1], sha256(keys[1])), hashes,
                "api_keys: plaintext values, key_hash = hex SHA-256");
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(key_hash) FROM request_logs WHERE group_id = ?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1), "one log row per proxied request, before and after the restart");
                assertTrue(hashes.containsValue(rs.getString(2)), "request_logs.key_hash is the key's hash");
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT setting_value FROM system_settings WHERE setting_key = 'max_retries'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("5", rs.getString(1));
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** The group as listed, without last_validated_at (the re-validation job stamps it at every start). */
    private static JsonObject group(Api api, String name) {
        Api.Resp r = api.get("/api/groups");
        assertEquals(200, r.status(), r.body());
        JsonObject g = r.obj().getJsonArray("data").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("group " + name + " not listed: " + r.body()));
        return jakarta.json.Json.createObjectBuilder(g).remove("last_validated_at").build();
    }

    private static JsonArray keys(Api api, long groupId) {
        Api.Resp r = api.get("/api/keys?group_id=" + groupId);
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonArray("items");
    }

    private static Set<String> values(JsonArray items, String field) {
        Set<String> out = new TreeSet<>();
        items.forEach(v -> out.add(v.asJsonObject().getString(field)));
        return out;
    }

    private static JsonValue setting(Api api, String key) {
        Api.Resp r = api.get("/api/settings");
        assertEquals(200, r.status(), r.body());
        return r.obj().getJsonArray("data").stream()
                .flatMap(c -> c.asJsonObject().getJsonArray("settings").stream())
                .map(JsonValue::asJsonObject).filter(s -> s.getString("key").equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("setting " + key + " missing")).get("value");
    }

    static JsonValue json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readValue();
        }
    }
}
