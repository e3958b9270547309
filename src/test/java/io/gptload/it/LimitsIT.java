package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code MAX_REQUEST_BODY_BYTES} and {@code MAX_CONCURRENT_REQUESTS} (DECISIONS 8) on a gateway
 * of its own: 2 requests in flight, bodies up to 1024 bytes. A refused request answers in the
 * caller's format, reaches no upstream and leaves nothing stored.
 */
class LimitsIT {

    private static final int MAX_BODY = 1024;
    private static Gateway gw;
    private static Api api;
    private static FakeUpstream up;

    @BeforeAll
    static void start() throws Exception {
        up = FakeUpstream.start();
        gw = Gateway.start("limits", Map.of("MAX_CONCURRENT_REQUESTS", "2",
                "MAX_REQUEST_BODY_BYTES", Integer.toString(MAX_BODY),
                "ENABLE_CORS", "true", "ALLOWED_ORIGINS", "https://console.example", "ALLOW_CREDENTIALS", "true"));
        api = new Api(gw);
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
        if (up != null) {
            up.close();
        }
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** A JSON body of exactly {@code size} bytes. */
    private static byte[] body(int size) {
        String head = "{\"model\":\"m\",\"pad\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String path, String proxyKey, HttpRequest.BodyPublisher body,
                                             HttpClient.Version version) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(gw.uri(path)).version(version)
                .header("Authorization", "Bearer " + proxyKey).header("Content-Type", "application/json")
                .POST(body));
    }

    private static void assertOpenAiError(HttpResponse<String> r, int status, String code, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject o = json(r.body());
        assertEquals(code, o.getString("code"));
        assertFalse(o.getString("message").isBlank());
        assertEquals(type, o.getJsonObject("error").getString("type"), r.body());
        assertEquals(o.getString("message"), o.getJsonObject("error").getString("message"));
    }

    /** The group's request-log rows, once {@code atLeast} of them are visible (they are flushed within seconds). */
    private static JsonArray logs(String group, int atLeast) throws InterruptedException {
        JsonArray items = null;
        for (int i = 0; i < 150; i++) {
            items = api.get("/api/logs?group_name=" + group).data().getJsonArray("items");
            if (items.size() >= atLeast) {
                break;
            }
            Thread.sleep(100);
        }
        return items;
    }

    private static JsonObject keyRow(long groupId) {
        return api.get("/api/keys?group_id=" + groupId).data().getJsonArray("items").getJsonObject(0);
    }

    /** A raw HTTP/1.1 request with both framings; the status line of the answer. */
    private static String chunkedWithContentLength(String path, String proxyKey, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.port())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + proxyKey
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 10"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 100) {
                int n = Math.min(100, body.length - at);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return in.readLine();
        }
    }

    @Test
    void aChunkedBodyIsReadWholeWhateverItsContentLengthSays() throws Exception {
        // chunked framing wins over Content-Length (RFC 9112 6.3): the body is neither cut at 10
        // bytes nor let past the size limit
        String name = Fixtures.unique("tecl");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-tecl-" + name;
        up.on(key, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, id, key);
        String path = "/proxy/" + name + "/v1/chat/completions";

        byte[] fits = body(300);
        assertTrue(chunkedWithContentLength(path, "pk-" + name, fits).contains(" 200"));
        assertEquals(List.of(new String(fits, StandardCharsets.UTF_8)),
                up.requests(key).stream().map(FakeUpstream.Recorded::bodyText).toList());

        assertTrue(chunkedWithContentLength(path, "pk-" + name, body(4 * MAX_BODY)).contains(" 413"));
        assertEquals(1, up.requests(key).size(), "a refused body never reaches the upstream");
    }

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutContentLength() throws Exception {
        String name = Fixtures.unique("big");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-big-" + name;
        Fixtures.keys(api, id, key);
        String path = "/proxy/" + name + "/v1/chat/completions";
        byte[] tooBig = body(MAX_BODY + 1);

        HttpResponse<String> sized = post(path, "pk-" + name, HttpRequest.BodyPublishers.ofByteArray(tooBig),
                HttpClient.Version.HTTP_1_1);
        assertOpenAiError(sized, 413, "REQUEST_TOO_LARGE", "invalid_request_error");
        HttpResponse<String> chunked = post(path, "pk-" + name,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body(4 * MAX_BODY))),
                HttpClient.Version.HTTP_1_1);
        assertOpenAiError(chunked, 413, "REQUEST_TOO_LARGE", "invalid_request_error");
        assertTrue(up.requests(key).isEmpty(), "a refused body never reaches the upstream");

        HttpResponse<String> atLimit = post(path, "pk-" + name,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body(MAX_BODY))),
                HttpClient.Version.HTTP_1_1);
        assertEquals(200, atLimit.statusCode(), "exactly the limit is allowed: " + atLimit.body());
        assertEquals(List.of(MAX_BODY), up.requests(key).stream().map(r -> r.body().length).toList());

        // rows are flushed in order: once the accepted request's row is there, a row for the
        // refused ones would be too
        JsonArray rows = logs(name, 1);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(200, rows.getJsonObject(0).getInt("status_code"));
        JsonObject k = keyRow(id);
        assertEquals("active", k.getString("status"));
        assertEquals(0, k.getInt("failure_count"));
    }

    @Test
    void aFullGatewayAnswers429ButApiAndHealthStillServe() throws Exception {
        String name = Fixtures.unique("full");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-full-" + name;
        CountDownLatch release = new CountDownLatch(1);
        up.on(key, FakeUpstream.sseUntil(release));
        Fixtures.keys(api, id, key);
        String path = "/proxy/" + name + "/v1/chat/completions";
        HttpRequest stream = HttpRequest.newBuilder(gw.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer pk-" + name).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true}")).build();

        List<CompletableFuture<HttpResponse<InputStream>>> inFlight = List.of(
                Fixtures.CLIENT.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream()),
                Fixtures.CLIENT.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream()));
        try {
            List<HttpResponse<InputStream>> open = inFlight.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join())
                    .toList();
            open.forEach(r -> assertEquals(200, r.statusCode(), "both streams started"));

            HttpResponse<String> third = Fixtures.post(gw, path, "pk-" + name, "{\"model\":\"m\"}");
            assertOpenAiError(third, 429, "TOO_MANY_REQUESTS", "rate_limit_error");
            assertEquals(List.of("1"), third.headers().allValues("Retry-After"));
            HttpResponse<String> anthropic = Fixtures.post(gw, "/proxy/" + name + "/v1/messages", "pk-" + name, "{}");
            assertEquals(429, anthropic.statusCode());
            assertEquals("error", json(anthropic.body()).getString("type"), "the caller's format: " + anthropic.body());
            assertEquals("rate_limit_error", json(anthropic.body()).getJsonObject("error").getString("type"));

            assertEquals(200, api.send("GET", "/health", null).status(), "health is never starved");
            assertEquals(200, api.get("/api/groups").status(), "the API is never starved");
            assertEquals(200, api.get("/api/keys?group_id=" + id).status());
            assertEquals(2, up.requests(key).size(), "refused requests never reach the upstream");

            release.countDown();
            for (HttpResponse<InputStream> r : open) {
                try (InputStream in = r.body()) {
                    assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("[DONE]"));
                }
            }
        } finally {
            release.countDown();
        }

        HttpResponse<String> again = null;
        for (int i = 0; i < 50; i++) { // the permit is given back just after the last byte was written
            again = Fixtures.post(gw, path, "pk-" + name, "{\"model\":\"m\"}");
            if (again.statusCode() != 429) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(3, up.requests(key).size());

        JsonArray rows = logs(name, 3);
        assertEquals(3, rows.size(), "only the three served requests are logged: " + rows);
        rows.forEach(v -> assertEquals(200, v.asJsonObject().getInt("status_code"), rows.toString()));
        JsonObject k = keyRow(id);
        assertEquals("active", k.getString("status"));
        assertEquals(0, k.getInt("failure_count"));
    }

    /** The same gateway runs with CORS on (spec §1 row 52): it does not touch the limits above. */
    @Test
    void corsEchoesAllowedOriginsAndAnswersPreflightAtOnce() throws Exception {
        java.net.http.HttpResponse<String> pre = Fixtures.send(java.net.http.HttpRequest.newBuilder(
                        gw.uri("/proxy/any-group/v1/chat/completions"))
                .header("Origin", "https://console.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, pre.statusCode());
        assertEquals("https://console.example", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", pre.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        java.net.http.HttpResponse<String> other = Fixtures.send(java.net.http.HttpRequest.newBuilder(gw.uri("/health"))
                .header("Origin", "https://evil.example").GET());
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        java.net.http.HttpResponse<String> allowed = Fixtures.send(java.net.http.HttpRequest.newBuilder(gw.uri("/health"))
                .header("Origin", "https://console.example").GET());
        assertEquals("https://console.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }
}
