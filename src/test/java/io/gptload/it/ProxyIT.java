package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The data plane end to end (spec §2): auth, key injection, rotation, retry, errors in the caller's format. */
@ExtendWith(SharedGateway.class)
class ProxyIT {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void forwardsWithTheRealKeyAndReturnsTheUpstreamBytes(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("oa");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String real = "sk-real-" + name;
        String answer = "{\"id\":\"x\", \"choices\":[1.0, 2e3],\"z\":\"é\"}";
        up.on(real, FakeUpstream.json(200, answer));
        Fixtures.keys(api, id, real);

        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri(
                        "/proxy/" + name + "/v1/chat/completions?foo=1&key=pk-" + name))
                .header("Content-Type", "application/json").header("X-Custom", "kept")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-x\",\"n\":1.50}")));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(answer, r.body());
        FakeUpstream.Recorded got = up.requests(real).get(0);
        assertEquals("/v1/chat/completions", got.path());
        assertEquals("foo=1", got.rawQuery(), "the proxy key parameter is removed");
        assertEquals("Bearer " + real, got.header("Authorization"));
        assertEquals("kept", got.header("X-Custom"));
        assertEquals("{\"model\":\"gpt-x\",\"n\":1.50}", got.bodyText(), "body bytes unchanged");
    }

    @Test
    void acceptsEveryProxyKeyTransportAndRejectsOthers(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("auth");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        Fixtures.keys(api, id, "sk-auth-" + name);
        String path = "/proxy/" + name + "/v1/chat/completions";
        HttpRequest.Builder base = HttpRequest.newBuilder(api.gateway().uri(path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertEquals(200, Fixtures.send(base.copy().header("Authorization", "Bearer pk-" + name)).statusCode());
        assertEquals(200, Fixtures.send(base.copy().header("x-api-key", "pk-" + name)).statusCode());
        assertEquals(200, Fixtures.send(base.copy().header("x-goog-api-key", "pk-" + name)).statusCode());
        assertEquals(200, Fixtures.send(base.copy().header("Authorization", "Bearer " + Gateway.AUTH_KEY)).statusCode(),
                "AUTH_KEY is the first global proxy key");

        HttpResponse<String> none = Fixtures.send(base.copy());
        assertEquals(401, none.statusCode());
        JsonObject err = json(none.body());
        assertEquals("UNAUTHORIZED", err.getString("code"));
        assertEquals("authentication_error", err.getJsonObject("error").getString("type"));
        assertEquals(401, Fixtures.send(base.copy().header("Authorization", "Bearer wrong")).statusCode());
        for (FakeUpstream.Recorded r : up.requests("sk-auth-" + name)) {
            assertNull(r.header("x-api-key"), "client credentials are never forwarded");
            assertNull(r.header("x-goog-api-key"));
        }
    }

    @Test
    void unknownGroupIs404InTheCallersFormat(Api api) throws Exception {
        HttpResponse<String> oa = Fixtures.post(api.gateway(), "/proxy/no-such-group/v1/chat/completions", "x", "{}");
        assertEquals(404, oa.statusCode());
        assertEquals("not_found_error", json(oa.body()).getJsonObject("error").getString("type"));
        HttpResponse<String> an = Fixtures.post(api.gateway(), "/proxy/no-such-group/v1/messages", "x", "{}");
        assertEquals(404, an.statusCode());
        assertEquals("error", json(an.body()).getString("type"));
        HttpResponse<String> ge = Fixtures.post(api.gateway(), "/proxy/no-such-group/v1beta/models/g:generateContent", "x", "{}");
        assertEquals(404, ge.statusCode());
        assertEquals("NOT_FOUND", json(ge.body()).getJsonObject("error").getString("status"));
        assertEquals(404, Fixtures.post(api.gateway(), "/proxy/Bad%20Name/v1/x", "x", "{}").statusCode());
    }

    @Test
    void traversalIsRejectedAndNeverForwarded(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("trav");
        long id = Fixtures.group(api, name, "openai", up.baseUrl() + "/base", "pk-" + name, "");
        Fixtures.keys(api, id, "sk-trav-" + name);
        for (String p : List.of("/v1/../admin", "/v1/%2e%2e/admin", "/v1/%2E./x", "/v1/a%2fb", "/v1/./x", "/v1/a%5cb")) {
            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + p, "pk-" + name, "{}");
            assertEquals(400, r.statusCode(), p + " " + r.body());
        }
        assertTrue(up.requests("sk-trav-" + name).isEmpty());
    }

    @Test
    void retriesOnAnotherKeyAndBlacklistsAfterTheThreshold(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("retry");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":3,\"blacklist_threshold\":2}");
        String bad = "sk-bad-" + name;
        String good = "sk-good-" + name;
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"invalid key " + bad + "\"}}"));
        up.on(good, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, id, bad, good);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions",
                    "pk-" + name, "{}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"ok\":true}", r.body());
        }
        assertEquals(2, up.requests(bad).size(), "the bad key is taken out after two failures");
        Api.Resp invalid = api.get("/api/keys?group_id=" + id + "&status=invalid");
        for (int i = 0; i < 50 && invalid.data().getJsonArray("items").isEmpty(); i++) {
            Thread.sleep(100); // the status is written off the hot path
            invalid = api.get("/api/keys?group_id=" + id + "&status=invalid");
        }
        assertEquals(200, invalid.status());
        assertEquals(bad, invalid.data().getJsonArray("items").getJsonObject(0).getString("key_value"));
    }

    @Test
    void lastFailureReturnsTheUpstreamErrorWithTheKeyMasked(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("fail");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0}");
        String k1 = "sk-fail1-" + name + "-abcdefgh";
        String k2 = "sk-fail2-" + name + "-abcdefgh";
        up.on(k1, FakeUpstream.json(429, "{\"error\":{\"message\":\"rate limited " + k1 + "\"}}"));
        up.on(k2, FakeUpstream.json(429, "{\"error\":{\"message\":\"rate limited " + k2 + "\"}}"));
        Fixtures.keys(api, id, k1, k2);
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        assertEquals(429, r.statusCode());
        assertFalse(r.body().contains(k1) || r.body().contains(k2), r.body());
        assertTrue(r.body().contains("****"), r.body());
        assertEquals(2, up.requests(k1).size() + up.requests(k2).size(), "one retry: two attempts");
    }

    @Test
    void noActiveKeyIs503(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("nokey");
        Fixtures.group(api, name, "anthropic", up.baseUrl(), "pk-" + name, "");
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/messages", "pk-" + name, "{}");
        assertEquals(503, r.statusCode());
        JsonObject o = json(r.body());
        assertEquals("NO_KEYS_AVAILABLE", o.getString("code"));
        assertEquals("error", o.getString("type"), "Anthropic-shaped for an anthropic group");
    }

    @Test
    void transportErrorAnswers502AfterRetries(Api api) throws Exception {
        String name = Fixtures.unique("down");
        long id = Fixtures.group(api, name, "openai", "http://127.0.0.1:" + Gateway.freePort(), "pk-" + name,
                ",\"config\":{\"max_retries\":1,\"blacklist_threshold\":0}");
        Fixtures.keys(api, id, "sk-down-" + name);
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        assertEquals(502, r.statusCode(), r.body());
        assertEquals("UPSTREAM_ERROR", json(r.body()).getString("code"));
    }

    @Test
    void hangingUpstreamEndsWithTimeout(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("hang");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"request_timeout\":2,\"response_header_timeout\":2}");
        String key = "sk-hang-" + name;
        up.on(key, FakeUpstream.hang());
        Fixtures.keys(api, id, key);
        long t0 = System.nanoTime();
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(504, r.statusCode(), r.body());
        assertEquals("UPSTREAM_TIMEOUT", json(r.body()).getString("code"));
        assertTrue(ms >= 1900 && ms < 10_000, "bounded by the 2 s timeout, took " + ms + " ms");
    }

    @Test
    void malformedOrNonJsonBodiesPassUntouched(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("raw");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"param_overrides\":{\"temperature\":0.5}");
        String key = "sk-raw-" + name;
        Fixtures.keys(api, id, key);
        String broken = "{\"model\": \"x\", oops";
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, broken)
                .statusCode());
        assertEquals(broken, up.requests(key).get(0).bodyText());
    }

    @Test
    void paramOverridesAndModelRedirectChangeOnlyTheirFields(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("edit");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"param_overrides\":{\"temperature\":0.25},\"model_redirect_rules\":{\"alias\":\"real-model\"}");
        String key = "sk-edit-" + name;
        Fixtures.keys(api, id, key);
        String body = "{\"model\":\"alias\",\"temperature\":1.0,\"top_p\":1.00,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, body)
                .statusCode());
        assertEquals("{\"model\":\"real-model\",\"temperature\":0.25,\"top_p\":1.00,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                up.requests(key).get(0).bodyText());
    }

    @Test
    void strictRedirectRejectsUnknownModels(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("strict");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"model_redirect_rules\":{\"a\":\"b\"},\"model_redirect_strict\":true");
        Fixtures.keys(api, id, "sk-strict-" + name);
        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name,
                "{\"model\":\"other\"}");
        assertEquals(400, r.statusCode());
        assertEquals("model 'other' is not configured in redirect rules", json(r.body()).getString("message"));
        assertTrue(up.requests("sk-strict-" + name).isEmpty());
    }

    @Test
    void headerRulesSetAndRemoveWithVariables(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("hdr");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"header_rules\":[{\"key\":\"x-group\",\"value\":\"${GROUP_NAME}\",\"action\":\"set\"},"
                        + "{\"key\":\"x-drop\",\"value\":\"\",\"action\":\"remove\"}]");
        String key = "sk-hdr-" + name;
        Fixtures.keys(api, id, key);
        Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + name + "/v1/chat/completions"))
                .header("Authorization", "Bearer pk-" + name).header("X-Drop", "secret-ish")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        FakeUpstream.Recorded got = up.requests(key).get(0);
        assertEquals(name, got.header("X-Group"));
        assertNull(got.header("X-Drop"));
    }

    @Test
    void anthropicAndGeminiGetTheirOwnKeyInjection(Api api, FakeUpstream up) throws Exception {
        String an = Fixtures.unique("an");
        long anId = Fixtures.group(api, an, "anthropic", up.baseUrl(), "pk-" + an, "");
        Fixtures.keys(api, anId, "sk-ant-" + an);
        Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + an + "/v1/messages"))
                .header("x-api-key", "pk-" + an).header("anthropic-version", "2020-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"c\"}")));
        FakeUpstream.Recorded a = up.requests("sk-ant-" + an).get(0);
        assertEquals("2023-06-01", a.header("anthropic-version"));

        String ge = Fixtures.unique("ge");
        long geId = Fixtures.group(api, ge, "gemini", up.baseUrl(), "pk-" + ge, "");
        Fixtures.keys(api, geId, "gk-" + ge);
        Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + ge
                        + "/v1beta/models/gemini-pro:generateContent?key=pk-" + ge))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        FakeUpstream.Recorded g = up.requests("gk-" + ge).get(0);
        assertEquals("/v1beta/models/gemini-pro:generateContent", g.path());
        assertEquals("key=gk-" + ge, g.rawQuery());

        Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + ge + "/v1beta/openai/chat/completions"))
                .header("Authorization", "Bearer pk-" + ge).POST(HttpRequest.BodyPublishers.ofString("{}")));
        FakeUpstream.Recorded compat = up.requests("gk-" + ge).get(1);
        assertEquals("Bearer gk-" + ge, compat.header("Authorization"));
        assertNull(compat.rawQuery());
    }

    @Test
    void settingsChangeAppliesToTheNextRequest(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("hot");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"blacklist_threshold\":0}");
        String key = "sk-hot-" + name;
        up.on(key, FakeUpstream.json(500, "{\"error\":\"boom\"}"));
        Fixtures.keys(api, id, key);
        Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        int before = up.requests(key).size();
        assertEquals(200, api.put("/api/groups/" + id, "{\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}}").status());
        Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
        assertEquals(1, up.requests(key).size() - before, "max_retries 0 applies at once");
    }
}
