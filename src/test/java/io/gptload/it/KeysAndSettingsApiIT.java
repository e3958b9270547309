package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/keys}, {@code /api/settings} and {@code /api/auth/login}: shapes, envelope and every error path. */
@ExtendWith(SharedGateway.class)
class KeysAndSettingsApiIT {

    @Test
    void addListDeleteRestoreKeys(Api api, FakeUpstream up) {
        String name = Fixtures.unique("keys");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Api.Resp add = api.post("/api/keys/add-multiple", "{\"group_id\":" + id
                + ",\"keys_text\":\"sk-1-" + name + " sk-2-" + name + ",sk-2-" + name + ";sk-3-" + name + "\"}");
        assertEquals(200, add.status(), add.body());
        assertEquals(0, add.obj().getInt("code"));
        JsonObject d = add.data();
        assertEquals(3, d.getInt("added_count"));
        assertEquals(0, d.getInt("ignored_count"), "duplicates inside one text are dropped silently");
        assertEquals(3, d.getInt("total_in_group"));
        Api.Resp again = api.post("/api/keys/add-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"[\\\"sk-1-" + name
                + "\\\",\\\"sk-4-" + name + "\\\"]\"}");
        assertEquals(1, again.data().getInt("added_count"), "a JSON array of keys is accepted");
        assertEquals(1, again.data().getInt("ignored_count"), "keys already in the group are ignored");

        Api.Resp page = api.get("/api/keys?group_id=" + id + "&page=1&page_size=2");
        assertEquals(200, page.status());
        JsonObject pagination = page.data().getJsonObject("pagination");
        assertEquals(1, pagination.getInt("page"));
        assertEquals(2, pagination.getInt("page_size"));
        assertEquals(4, pagination.getInt("total_items"));
        assertEquals(2, pagination.getInt("total_pages"));
        JsonObject key = page.data().getJsonArray("items").getJsonObject(0);
        for (String f : List.of("id", "key_value", "key_hash", "group_id", "status", "notes", "request_count",
                "failure_count", "last_used_at", "created_at", "updated_at")) {
            assertTrue(key.containsKey(f), "APIKey field " + f + " in " + key);
        }
        assertEquals("active", key.getString("status"));
        assertEquals(64, key.getString("key_hash").length());

        Api.Resp del = api.post("/api/keys/delete-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"sk-1-" + name
                + " nope\"}");
        assertEquals(1, del.data().getInt("deleted_count"));
        assertEquals(1, del.data().getInt("ignored_count"));
        assertEquals(3, del.data().getInt("total_in_group"));

        Api.Resp restore = api.post("/api/keys/restore-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"sk-2-" + name + "\"}");
        assertEquals(0, restore.data().getInt("restored_count"), "only invalid keys are restored");
        assertEquals(1, restore.data().getInt("ignored_count"));
    }

    @Test
    void keyRoutesRejectBadInputWithoutChangingAnything(Api api, FakeUpstream up) {
        String name = Fixtures.unique("badkeys");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Fixtures.keys(api, id, "sk-keep-" + name);
        record Case(String body, int status, String code) {
        }
        for (Case c : List.of(
                new Case("{\"group_id\":" + id + ",\"keys_text\":", 400, "INVALID_JSON"),
                new Case("[1,2]", 400, "INVALID_JSON"),
                new Case("{\"keys_text\":\"a\"}", 400, "INVALID_JSON"),
                new Case("{\"group_id\":\"" + id + "\",\"keys_text\":\"a\"}", 400, "INVALID_JSON"),
                new Case("{\"group_id\":" + id + ",\"keys_text\":\"\"}", 400, "INVALID_JSON"),
                new Case("{\"group_id\":" + id + ",\"keys_text\":\"   \"}", 400, "VALIDATION_FAILED"),
                new Case("{\"group_id\":999999,\"keys_text\":\"a\"}", 404, "NOT_FOUND"))) {
            for (String route : List.of("add-multiple", "delete-multiple")) {
                Api.Resp r = api.post("/api/keys/" + route, c.body());
                assertEquals(c.status(), r.status(), route + " " + c.body() + " -> " + r.body());
                assertEquals(c.code(), r.obj().getString("code"), r.body());
            }
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 5000; i++) {
            many.append("k").append(i).append(' ');
        }
        Api.Resp tooMany = api.post("/api/keys/add-multiple", "{\"group_id\":" + id + ",\"keys_text\":\"" + many + "\"}");
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.obj().getString("message").contains("5000"), tooMany.body());
        assertEquals(1, api.get("/api/keys?group_id=" + id).data().getJsonObject("pagination").getInt("total_items"));
        assertEquals(400, api.get("/api/keys").status());
        assertEquals(400, api.get("/api/keys?group_id=abc").status());
        assertEquals(404, api.get("/api/keys?group_id=999999").status());
    }

    @Test
    void settingsHaveTheirShapeAndValidatedUpdatesApplyAtOnce(Api api) {
        Api.Resp r = api.get("/api/settings");
        assertEquals(200, r.status());
        JsonArray categories = r.obj().getJsonArray("data");
        assertEquals(3, categories.size());
        assertEquals("Basic", categories.getJsonObject(0).getString("category_name"));
        JsonObject first = categories.getJsonObject(0).getJsonArray("settings").getJsonObject(0);
        assertEquals("app_url", first.getString("key"));
        for (String f : List.of("key", "name", "value", "type", "default_value", "description", "category", "required")) {
            assertTrue(first.containsKey(f), f);
        }
        JsonObject retries = find(categories, "max_retries");
        assertEquals("int", retries.getString("type"));
        assertEquals(JsonValue.ValueType.NUMBER, retries.get("value").getValueType());
        assertEquals(0, retries.getInt("min_value"));

        Api.Resp zh = api.send("GET", "/api/settings", null);
        assertEquals(200, zh.status());

        for (String bad : List.of("{\"max_retries\":-1}", "{\"max_retries\":\"3\"}", "{\"max_retries\":1.5}",
                "{\"nope\":1}", "{\"failover_status_codes\":\"abc\"}", "{\"proxy_url\":\"socks5://x:1\"}",
                "{\"app_url\":\"\"}", "{\"enable_request_body_logging\":\"yes\"}")) {
            Api.Resp rej = api.put("/api/settings", bad);
            assertEquals(400, rej.status(), bad + " " + rej.body());
            assertEquals("VALIDATION_FAILED", rej.obj().getString("code"));
        }
        assertEquals(400, api.put("/api/settings", "{not json").status());
        assertEquals(retries.getInt("value"), find(api.get("/api/settings").obj().getJsonArray("data"), "max_retries")
                .getInt("value"), "a rejected update changes nothing");

        Api.Resp ok = api.put("/api/settings", "{\"request_log_retention_days\":9}");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.obj().getString("message").startsWith("Settings updated successfully"));
        assertEquals(9, find(api.get("/api/settings").obj().getJsonArray("data"), "request_log_retention_days").getInt("value"));
        assertEquals(200, api.put("/api/settings", "{\"request_log_retention_days\":7}").status());
    }

    @Test
    void globalProxyKeysChangeAppliesToTheNextRequest(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("glob");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "", "");
        Fixtures.keys(api, id, "sk-glob-" + name);
        String extra = "gk-" + name;
        assertEquals(401, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", extra, "{}").statusCode());
        assertEquals(200, api.put("/api/settings", "{\"proxy_keys\":\" " + Gateway.AUTH_KEY + " , " + extra + " ,\"}").status());
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", extra, "{}").statusCode());
        assertEquals(200, api.put("/api/settings", "{\"proxy_keys\":\"" + Gateway.AUTH_KEY + "\"}").status());
        assertEquals(401, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", extra, "{}").statusCode());
    }

    @Test
    void loginAndAdminAuth(Api api) throws Exception {
        HttpResponse<String> ok = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth_key\":\"" + Gateway.AUTH_KEY + "\"}")));
        assertEquals(200, ok.statusCode());
        assertEquals("{\"success\":true,\"message\":\"Authentication successful\"}", ok.body());
        HttpResponse<String> bad = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth_key\":\"nope\"}")));
        assertEquals(401, bad.statusCode());
        assertFalse(bad.body().contains("true"));
        HttpResponse<String> malformed = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{")));
        assertEquals(400, malformed.statusCode());
        assertEquals("{\"success\":false,\"message\":\"Invalid request format\"}", malformed.body());

        HttpResponse<String> noAuth = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/groups")).GET());
        assertEquals(401, noAuth.statusCode());
        assertEquals("UNAUTHORIZED", Api.parse(noAuth.body()).getString("code"));
        HttpResponse<String> queryKey = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/api/groups?key="
                + Gateway.AUTH_KEY)).GET());
        assertEquals(200, queryKey.statusCode());
        assertEquals(200, api.get("/api/channel-types").status());
    }

    private static JsonObject find(JsonArray categories, String key) {
        return categories.stream().flatMap(c -> c.asJsonObject().getJsonArray("settings").stream())
                .map(JsonValue::asJsonObject).filter(s -> s.getString("key").equals(key)).findFirst().orElseThrow();
    }

    @Test
    void messagesFollowAcceptLanguage(Api api, FakeUpstream up) {
        String name = Fixtures.unique("i18n");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Api.Resp zh = api.send("POST", "/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}", "zh-CN,zh;q=0.9");
        assertEquals(200, zh.status(), zh.body());
        assertEquals("已恢复 0 个密钥", zh.obj().getString("message"));
        Api.Resp ja = api.send("GET", "/api/groups/999999/stats", null, "ja-JP");
        assertEquals(404, ja.status());
        assertEquals("リソースが見つかりません", ja.obj().getString("message"));
        Api.Resp en = api.send("POST", "/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}", "fr-FR");
        assertEquals("0 keys restored", en.obj().getString("message"), "English for any other language");
        Api.Resp settings = api.send("GET", "/api/settings", null, "zh-CN");
        assertFalse(settings.obj().getJsonArray("data").getJsonObject(0).getString("category_name").equals("Basic"),
                "setting categories are localized too");
    }
}
