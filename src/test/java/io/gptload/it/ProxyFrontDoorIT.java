package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two front doors of {@code /proxy} answer alike: on Payara the HTTP listener's own handler
 * (the default), and JAX-RS ({@code PROXY_FAST_PATH=false}, and every other runtime). What the
 * servlet filters give every route must be there on both: security headers, CORS, the access
 * log, the JSON 404 for {@code /proxy} alone; and so must streaming, errors in the caller's
 * format, an encoded slash refused. Where they differ, the listener's handler does better: a
 * stream that breaks off upstream arrives truncated (JAX-RS ends it as if complete), and an
 * answer that breaks before its first byte becomes a 502 in the caller's format.
 */
class ProxyFrontDoorIT {

    private static final String ORIGIN = "https://app.example";

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bothFrontDoorsServeTheProxyAlike(boolean fastPath) throws Exception {
        try (FakeUpstream up = FakeUpstream.start();
             Gateway gw = Gateway.start("front-door-" + (fastPath ? "grizzly" : "jaxrs"),
                     Map.of("PROXY_FAST_PATH", String.valueOf(fastPath), "ENABLE_CORS", "true",
                             "ALLOWED_ORIGINS", ORIGIN))) {
            String log = Files.readString(gw.log());
            assertTrue(log.contains(fastPath ? "/proxy is served by the HTTP listener directly"
                    : "/proxy is served through JAX-RS"), "the log names the front door in use");
            Api api = new Api(gw);
            String name = Fixtures.unique("door");
            long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                    ",\"config\":{\"blacklist_threshold\":0}"); // broken upstreams below must not take the key out
            String key = "sk-door-" + name;
            Fixtures.keys(api, id, key);

            up.on(key, FakeUpstream.json(200, "{\"ok\":true}"));
            HttpResponse<String> ok = Fixtures.send(HttpRequest.newBuilder(gw.uri("/proxy/" + name + "/v1/chat/completions?x=1"))
                    .header("Authorization", "Bearer pk-" + name).header("Content-Type", "application/json")
                    .header("Origin", ORIGIN).POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\"}")));
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("{\"ok\":true}", ok.body());
            assertEquals("nosniff", ok.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(ORIGIN, ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("x=1", up.requests(key).get(0).rawQuery(), "the query reaches the upstream");
            slowBodiesAndBackToBackRequestsOnOneConnection(gw, up, name, key, fastPath);

            HttpResponse<String> preflight = Fixtures.send(HttpRequest.newBuilder(gw.uri("/proxy/" + name + "/v1/chat/completions"))
                    .header("Origin", ORIGIN).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, preflight.statusCode());
            assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

            HttpResponse<String> denied = Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "wrong", "{}");
            assertEquals(401, denied.statusCode());
            assertTrue(denied.body().contains("\"error\""), denied.body());
            assertEquals("nosniff", denied.headers().firstValue("X-Content-Type-Options").orElse(""));

            HttpResponse<String> bare = Fixtures.post(gw, "/proxy/", "pk-" + name, "{}");
            assertEquals(404, bare.statusCode());
            assertEquals("{\"error\":\"Not Found\"}", bare.body());

            HttpResponse<String> slash = Fixtures.post(gw, "/proxy/" + name + "/v1/a%2fb", "pk-" + name, "{}");
            assertEquals(400, slash.statusCode(), slash.body());
            assertTrue(slash.body().contains("Invalid request path"), slash.body());

            up.on(key, FakeUpstream.sse(List.of("{\"i\":0}", "{\"i\":1}"), 50));
            HttpResponse<String> stream = Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name,
                    "{\"model\":\"m\",\"stream\":true}");
            assertEquals(200, stream.statusCode());
            assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse(""));
            assertEquals("data: {\"i\":0}\n\ndata: {\"i\":1}\n\n", stream.body());

            up.on(key, FakeUpstream.sseThenReset(List.of("{\"i\":0}"), 50));
            HttpResponse<InputStream> broken = Fixtures.CLIENT.send(HttpRequest.newBuilder(
                            gw.uri("/proxy/" + name + "/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer pk-" + name).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, broken.statusCode());
            if (fastPath) {
                assertThrows(IOException.class, () -> {
                    try (InputStream in = broken.body()) {
                        in.readAllBytes();
                    }
                }, "a stream broken upstream must not look complete to the client");
            } else {
                // known gap of the JAX-RS door (Jersey ends the chunked body normally after the
                // relay's failure): the stream arrives as sent so far and then ends
                try (InputStream in = broken.body()) {
                    assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("data: {\"i\":0}"));
                } catch (IOException alsoFine) {
                    // a container that aborts is better still
                }
            }

            // an answer whose body breaks off before its first byte: the listener's handler can still
            // answer it as an error in the caller's format (JAX-RS leaves it to the container)
            up.on(key, FakeUpstream.sseThenReset(List.of(), 0));
            HttpResponse<String> early = Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name,
                    "{\"model\":\"m\"}");
            if (fastPath) {
                assertEquals(502, early.statusCode(), early.body());
                assertTrue(early.body().contains("\"error\""), early.body());
            } else {
                assertTrue(early.statusCode() >= 500, early.statusCode() + " " + early.body());
            }

            String after = awaitLog(gw, "POST /proxy/" + name + "/v1/chat/completions?x=1 - 200 - ");
            assertTrue(after.contains("POST /proxy/" + name + "/v1/chat/completions - 401 - "), "errors are logged too");
        }
    }

    /**
     * One keep-alive connection, as a client library uses it: a proxied request whose body comes
     * in two pieces well after its head, an /api request likewise (the two are served on different
     * threads), then three requests (proxy, /api, /health) answered in order; with {@code pipelined}
     * the three are written in one go. (Known gap of the JAX-RS door, not tested: about one in 40
     * pipelined requests after a proxied one goes unanswered there, Jersey's asynchronous resume
     * racing the next request; the listener's door answered 600 of 600.)
     */
    private static void slowBodiesAndBackToBackRequestsOnOneConnection(Gateway gw, FakeUpstream up, String name,
                                                                      String key, boolean pipelined) throws Exception {
        String proxyPath = "/proxy/" + name + "/v1/chat/completions";
        String proxyAuth = "Bearer pk-" + name;
        String adminAuth = "Bearer " + Gateway.AUTH_KEY;
        String chat = "{\"model\":\"slow-body\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(3000) + "\"}]}";
        String group = "{\"name\":\"" + name + "-raw\",\"channel_type\":\"openai\",\"test_model\":\"m\","
                + "\"upstreams\":[{\"url\":\"" + up.baseUrl() + "\",\"weight\":1}]}";
        int before = up.requests(key).size();
        try (Socket socket = new Socket("127.0.0.1", gw.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            sendInPieces(out, RawHttp.head("POST", proxyPath, proxyAuth, chat.getBytes(StandardCharsets.UTF_8).length), chat);
            RawHttp.Answer proxied = RawHttp.read(in);
            assertEquals(200, proxied.status(), proxied.body());
            assertEquals("{\"ok\":true}", proxied.body());
            assertEquals(chat, up.requests(key).get(before).bodyText(), "the body reaches the upstream whole");

            sendInPieces(out, RawHttp.head("POST", "/api/groups", adminAuth, group.getBytes(StandardCharsets.UTF_8).length), group);
            RawHttp.Answer created = RawHttp.read(in);
            assertEquals(200, created.status(), created.body());
            assertTrue(created.body().contains("\"name\":\"" + name + "-raw\""), created.body());

            List<byte[]> three = List.of(RawHttp.request("POST", proxyPath + "?n=2", proxyAuth, "{\"model\":\"m\"}"),
                    RawHttp.request("GET", "/api/groups", adminAuth, ""), RawHttp.request("GET", "/health", "none", ""));
            List<RawHttp.Answer> answers = new ArrayList<>();
            if (pipelined) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (byte[] r : three) {
                    all.write(r);
                }
                out.write(all.toByteArray());
                out.flush();
                for (int i = 0; i < three.size(); i++) {
                    answers.add(RawHttp.read(in));
                }
            } else {
                for (byte[] r : three) {
                    out.write(r);
                    out.flush();
                    answers.add(RawHttp.read(in));
                }
            }
            RawHttp.Answer first = answers.get(0);
            assertEquals(200, first.status(), first.body());
            assertEquals("{\"ok\":true}", first.body());
            RawHttp.Answer second = answers.get(1);
            assertEquals(200, second.status(), second.body());
            assertTrue(second.body().contains(name + "-raw"), second.body());
            RawHttp.Answer third = answers.get(2);
            assertEquals(200, third.status(), third.body());
            assertTrue(third.body().contains("\"status\":\"healthy\""), third.body());
        }
        assertEquals("n=2", up.requests(key).get(before + 1).rawQuery());
        if (pipelined) {
            tenPipelinedProxyRequests(gw, proxyPath, proxyAuth);
        }
    }

    /**
     * Ten proxied requests in one write: all answered, in order, and each served after the one
     * before it finished rather than inside it (the first one's access-log line comes before the
     * last one's: served inside each other, the first would end last).
     */
    private static void tenPipelinedProxyRequests(Gateway gw, String proxyPath, String proxyAuth) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gw.port())) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 10; i++) {
                all.write(RawHttp.request("POST", proxyPath + "?pipelined=" + i, proxyAuth, "{\"model\":\"m\"}"));
            }
            socket.getOutputStream().write(all.toByteArray());
            socket.getOutputStream().flush();
            for (int i = 0; i < 10; i++) {
                RawHttp.Answer a = RawHttp.read(socket.getInputStream());
                assertEquals(200, a.status(), i + ": " + a.body());
                assertEquals("{\"ok\":true}", a.body());
            }
        }
        String log = awaitLog(gw, "POST " + proxyPath + "?pipelined=9 - 200 - ");
        int first = log.indexOf("POST " + proxyPath + "?pipelined=0 - 200 - ");
        assertTrue(first >= 0 && first < log.indexOf("POST " + proxyPath + "?pipelined=9 - 200 - "),
                "the first pipelined request ends before the last");
    }

    private static void sendInPieces(OutputStream out, byte[] head, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(head);
        out.flush();
        Thread.sleep(300);
        out.write(b, 0, b.length / 2);
        out.flush();
        Thread.sleep(300);
        out.write(b, b.length / 2, b.length - b.length / 2);
        out.flush();
    }

    private static String awaitLog(Gateway gw, String line) throws Exception {
        String log = "";
        for (int i = 0; i < 50; i++) {
            log = Files.readString(gw.log(), StandardCharsets.UTF_8);
            if (log.contains(line)) {
                return log;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access-log line '" + line + "' in " + gw.log());
    }
}
