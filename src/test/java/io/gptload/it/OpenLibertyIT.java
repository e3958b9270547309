package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The distributable WAR on OpenLiberty, deployed as {@code server-config/openliberty/} describes
 * (the runtime and server come from {@code ./mvnw -Popenliberty verify}, i.e.
 * {@code bin/test-openliberty}): the management API works, a proxied request reaches the upstream
 * with the real key, a stream is relayed chunk by chunk, its request-log row is stored, and
 * {@code /health}, {@code /metrics} and {@code /openapi} answer. On the embedded H2 database and,
 * when its local server answers, on PostgreSQL.
 */
class OpenLibertyIT {

    private static final Path WLP = Path.of(System.getProperty("liberty.wlp", "target/liberty/wlp")).toAbsolutePath();

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"H2", "POSTGRESQL"})
    void theWarOnOpenLibertyProxiesStreamsAndLogs(Backend backend) throws Exception {
        Path server = WLP.resolve("bin/server");
        if (!Boolean.getBoolean("liberty.it")) {
            System.out.println("SKIPPED: OpenLiberty tests: they run under bin/test-openliberty, which installs"
                    + " OpenLiberty from Maven Central first");
            Assumptions.abort("not the openliberty profile");
        }
        assertTrue(Files.isExecutable(server), "the openliberty profile installed no server at " + WLP);
        if (!ScratchDatabase.reachable(backend)) {
            System.out.println("SKIPPED: OpenLiberty on " + backend + ": its local server does not answer");
            Assumptions.abort(backend + " is unreachable");
        }
        String realJsonKey = Fixtures.unique("sk-liberty-json");
        String realStreamKey = Fixtures.unique("sk-liberty-stream");
        String proxyKey = Fixtures.unique("sk-liberty-proxy");
        CountDownLatch release = new CountDownLatch(1);
        String answer = "{\"id\":\"chatcmpl-liberty\",\"object\":\"chat.completion\",\"choices\":[]}";
        try (ScratchDatabase db = ScratchDatabase.create(backend);
             FakeUpstream up = FakeUpstream.start()) {
            up.on(realJsonKey, FakeUpstream.json(200, answer));
            up.on(realStreamKey, FakeUpstream.sseUntil(release));
            Map<String, String> env = Map.of(
                    "JAVA_HOME", System.getProperty("java.home"),
                    "DB_URL", db.jdbcUrlWithCredentials());
            try (Gateway gw = Gateway.startCommand("openliberty-" + backend.name().toLowerCase(),
                    List.of(server.toString(), "run", "gptload"), env)) {
                Api api = new Api(gw);

                // the management API and a proxied request with the real key swapped in
                String jsonGroup = Fixtures.unique("liberty-json");
                long jsonId = Fixtures.group(api, jsonGroup, "openai", up.baseUrl(), proxyKey, "");
                Fixtures.keys(api, jsonId, realJsonKey);
                HttpResponse<String> r = Fixtures.post(gw, "/proxy/" + jsonGroup + "/v1/chat/completions", proxyKey,
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(answer, r.body());
                assertEquals(1, up.requests(realJsonKey).size(), "the upstream saw the real key once");
                assertFalse(up.requests(realJsonKey).get(0).headers().toString().contains(proxyKey),
                        "the proxy key never reaches the upstream");

                // a wrong proxy key: OpenAI-shaped 401
                HttpResponse<String> denied = Fixtures.post(gw, "/proxy/" + jsonGroup + "/v1/chat/completions",
                        "sk-wrong", "{\"model\":\"m\"}");
                assertEquals(401, denied.statusCode(), denied.body());
                assertTrue(Api.parse(denied.body()).getJsonObject("error").containsKey("message"), denied.body());

                // a stream: the first event arrives while the upstream still holds the rest
                String streamGroup = Fixtures.unique("liberty-stream");
                long streamId = Fixtures.group(api, streamGroup, "openai", up.baseUrl(), proxyKey, "");
                Fixtures.keys(api, streamId, realStreamKey);
                HttpResponse<InputStream> stream = Fixtures.CLIENT.send(HttpRequest.newBuilder(
                                gw.uri("/proxy/" + streamGroup + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + proxyKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[]}"))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, stream.statusCode());
                assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                        stream.headers().map().toString());
                ExecutorService reader = Executors.newSingleThreadExecutor();
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    // bounded: the upstream holds the rest for up to a minute, a relay that waits for
                    // more before flushing would deliver the first event only then
                    assertEquals("data: {\"i\":0}", reader.submit(lines::readLine).get(10, TimeUnit.SECONDS),
                            "the first event is relayed while the upstream still holds the rest");
                    release.countDown();
                    StringBuilder rest = new StringBuilder();
                    for (String line; (line = lines.readLine()) != null; ) {
                        rest.append(line).append('\n');
                    }
                    assertTrue(rest.toString().contains("data: [DONE]"), rest.toString());
                } finally {
                    reader.shutdownNow();
                }

                // the requests are in the request log
                JsonArray rows = RequestLogIT.awaitLogs(api, "group_name=" + streamGroup, 1);
                assertEquals(1, rows.size(), "the stream's request-log row");
                JsonObject row = rows.getJsonObject(0);
                assertTrue(row.getBoolean("is_stream"), row.toString());
                assertEquals(200, row.getInt("status_code"), row.toString());
                assertFalse(RequestLogIT.awaitLogs(api, "group_name=" + jsonGroup, 1).isEmpty(),
                        "the JSON request's request-log row");

                // what an operator's tools read
                HttpResponse<String> health = Fixtures.send(HttpRequest.newBuilder(gw.uri("/health")));
                assertEquals(200, health.statusCode(), health.body());
                assertTrue(health.body().contains("\"UP\""), health.body());
                HttpResponse<String> metrics = Fixtures.send(HttpRequest.newBuilder(gw.uri("/metrics")));
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("# TYPE gptload_"), "Prometheus text with the gateway's metrics");
                HttpResponse<String> openapi = Fixtures.send(HttpRequest.newBuilder(gw.uri("/openapi")));
                assertEquals(200, openapi.statusCode());
                assertTrue(openapi.body().contains("GPT-Load/J"), "the gateway's OpenAPI document");
                HttpResponse<String> console = Fixtures.send(HttpRequest.newBuilder(gw.uri("/login.xhtml")));
                assertEquals(200, console.statusCode());
                assertTrue(console.body().contains("GPT-Load/J"), "the admin console's login page renders");
                String session = console.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                        .orElseThrow(() -> new AssertionError("no session cookie: " + console.headers().map()));
                assertTrue(session.contains("HttpOnly"), session);
                assertTrue(session.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                        "SameSite from admin.SessionCookieSameSite: " + session);

                for (String secret : List.of(realJsonKey, realStreamKey, proxyKey, Gateway.AUTH_KEY)) {
                    assertFalse(Files.readString(gw.log()).contains(secret), "a secret in the server's output");
                }
            } finally {
                release.countDown();
            }
            // the groups were stored in the database DB_URL named (not in the server's default H2 file)
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + db.groupsTable()
                         + " WHERE name LIKE 'liberty-%'")) {
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1), "both groups are in " + db);
            }
        }
    }
}
