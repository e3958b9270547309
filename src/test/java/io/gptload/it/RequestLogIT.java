package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every attempt becomes a request-log row within seconds, queryable through {@code GET /api/logs}. */
@ExtendWith(SharedGateway.class)
class RequestLogIT {

    static JsonArray awaitLogs(Api api, String query, int expected) throws InterruptedException {
        JsonArray items = null;
        for (int i = 0; i < 100; i++) {
            Api.Resp r = api.get("/api/logs?" + query);
            assertEquals(200, r.status(), r.body());
            items = r.data().getJsonArray("items");
            if (items.size() >= expected) {
                return items;
            }
            Thread.sleep(100);
        }
        return items;
    }

    @Test
    void retryAndFinalAttemptsAreLogged(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("log");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":2,\"blacklist_threshold\":0}");
        String bad = "sk-logbad-" + name;
        String good = "sk-loggood-" + name;
        up.on(bad, FakeUpstream.json(500, "{\"error\":{\"message\":\"upstream exploded\"}}"));
        Fixtures.keys(api, id, bad, good);
        var r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions?x=1&key=pk-" + name, "pk-" + name,
                "{\"model\":\"gpt-log\"}");
        assertEquals(200, r.statusCode());

        JsonArray items = awaitLogs(api, "group_name=" + name, 2);
        assertEquals(2, items.size(), items.toString());
        JsonObject fin = items.stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("request_type").equals("final")).findFirst().orElseThrow();
        JsonObject retry = items.stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("request_type").equals("retry")).findFirst().orElseThrow();
        assertEquals(500, retry.getInt("status_code"));
        assertFalse(retry.getBoolean("is_success"));
        assertEquals("upstream exploded", retry.getString("error_message"));
        assertEquals(bad, retry.getString("key_value"));
        assertEquals(200, fin.getInt("status_code"));
        assertTrue(fin.getBoolean("is_success"));
        assertEquals(good, fin.getString("key_value"));
        assertEquals("gpt-log", fin.getString("model"));
        assertEquals(name, fin.getString("group_name"));
        assertEquals("/proxy/" + name + "/v1/chat/completions?x=1", fin.getString("request_path"),
                "the proxy key never reaches the log");
        assertEquals(up.baseUrl() + "/v1/chat/completions?x=1", fin.getString("upstream_addr"));
        assertFalse(fin.getBoolean("is_stream"));
        assertTrue(fin.getInt("duration_ms") >= retry.getInt("duration_ms"), "durations are cumulative");
        UUID retryId = UUID.fromString(retry.getString("id"));
        UUID finalId = UUID.fromString(fin.getString("id"));
        assertEquals(7, finalId.version(), "log ids are time-ordered UUIDs: " + finalId);
        assertTrue(retryId.toString().compareTo(finalId.toString()) < 0
                || retryId.getMostSignificantBits() >>> 16 == finalId.getMostSignificantBits() >>> 16,
                "the retry's id does not sort after the final attempt's: " + retryId + " / " + finalId);

        Api.Resp filtered = api.get("/api/logs?group_name=" + name + "&request_type=retry&page_size=1");
        assertEquals(1, filtered.data().getJsonArray("items").size());
        assertEquals(1, filtered.data().getJsonObject("pagination").getInt("total_items"));
        Api.Resp keyFilter = api.get("/api/logs?key_value=" + good);
        assertTrue(keyFilter.data().getJsonArray("items").stream()
                .allMatch(v -> v.asJsonObject().getString("key_value").equals(good)));

        JsonObject keyRow = null;
        for (int i = 0; i < 50; i++) {
            keyRow = api.get("/api/keys?group_id=" + id + "&key_value=" + good).data().getJsonArray("items").getJsonObject(0);
            if (keyRow.getInt("request_count") > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(1, keyRow.getInt("request_count"), "successful requests count per key");
        assertFalse(keyRow.isNull("last_used_at"));
    }

    /**
     * {@code request_log_write_interval_minutes = 0}: the log is stored before the request's handling
     * ends, so the next request on the same connection (served only after it) finds it.
     */
    @Test
    void withIntervalZeroTheNextRequestOnTheConnectionFindsTheLog(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("synclog");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String good = "sk-syncgood-" + name;
        Fixtures.keys(api, id, good);
        assertEquals(200, api.put("/api/settings", "{\"request_log_write_interval_minutes\":0}").status());
        try (Socket socket = new Socket("127.0.0.1", api.gateway().port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String admin = "Bearer " + Gateway.AUTH_KEY;
            for (int i = 0; i < 3; i++) {
                out.write(RawHttp.request("POST", "/proxy/" + name + "/v1/chat/completions", "Bearer pk-" + name,
                        "{\"model\":\"m" + i + "\"}"));
                out.flush();
                assertEquals(200, RawHttp.read(in).status());
                out.write(RawHttp.request("GET", "/api/logs?group_name=" + name + "&page_size=10", admin, ""));
                out.flush();
                RawHttp.Answer logs = RawHttp.read(in);
                assertEquals(200, logs.status(), logs.body());
                assertTrue(logs.body().contains("\"total_items\":" + (i + 1)), "request " + i + ": " + logs.body());
                assertTrue(logs.body().contains("\"model\":\"m" + i + "\""), logs.body());
            }
        } finally {
            assertEquals(200, api.put("/api/settings", "{\"request_log_write_interval_minutes\":1}").status());
        }
    }

    @Test
    void aClientThatLeavesAStreamIsLoggedAs499(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("l499");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-l499-" + name;
        up.on(key, FakeUpstream.sse(IntStream.range(0, 100).mapToObj(i -> "{\"i\":" + i + "}").toList(), 100));
        Fixtures.keys(api, id, key);
        String body = "{\"model\":\"m\",\"stream\":true}";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.gateway().port())) {
            socket.getOutputStream().write(("POST /proxy/" + name + "/v1/chat/completions HTTP/1.1\r\n"
                    + "Host: x\r\nAuthorization: Bearer pk-" + name + "\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[512];
            assertTrue(socket.getInputStream().read(buf) > 0);
        }
        JsonArray items = awaitLogs(api, "group_name=" + name, 1);
        assertEquals(1, items.size());
        assertEquals(499, items.getJsonObject(0).getInt("status_code"));
        assertTrue(items.getJsonObject(0).getBoolean("is_stream"));
    }
}
