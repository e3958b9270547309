package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM (spec §1 rows 55, 57; DECISIONS 18, 21) on a gateway of its own, on a scratch
 * PostgreSQL database (H2, read after the process ended, when no PostgreSQL answers), logging as
 * JSON to standard output and to {@code ./data/logs/app.log}: a stream running when the signal
 * arrives is relayed to its end, new proxy requests are refused meanwhile, the process then ends
 * by itself within {@code SERVER_GRACEFUL_SHUTDOWN_TIMEOUT}, and the stream's request-log row is
 * in the database. The JSON log lines are parseable and carry the access log without the proxy key.
 */
class GracefulShutdownIT {

    private static final int EVENTS = 10;
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void sigtermLetsARunningStreamFinishAndStoresItsLogRow() throws Exception {
        Backend backend = ScratchDatabase.reachable(Backend.POSTGRESQL) ? Backend.POSTGRESQL : Backend.H2;
        try (FakeUpstream up = FakeUpstream.start(); ScratchDatabase db = ScratchDatabase.create(backend)) {
            Map<String, String> env = new HashMap<>(db.env());
            env.put("SERVER_GRACEFUL_SHUTDOWN_TIMEOUT", Long.toString(SHUTDOWN_TIMEOUT.toSeconds()));
            env.put("LOG_FORMAT", "json");
            env.put("LOG_ENABLE_FILE", "true");
            String name = Fixtures.unique("drain");
            String proxyKey = "pk-" + name;
            List<String> events = IntStream.range(0, EVENTS).mapToObj(i -> "{\"i\":" + i + "}").toList();
            up.on("sk-" + name, FakeUpstream.byPath(Map.of(
                    "/v1/chat/completions", FakeUpstream.sse(events, 300),
                    "/v1/embeddings", FakeUpstream.json(200, "{\"object\":\"list\",\"data\":[]}"))));

            Gateway gw = Gateway.start("graceful-shutdown", env, db.workDir());
            try {
                Api api = new Api(gw);
                long id = Fixtures.group(api, name, "openai", up.baseUrl(), proxyKey, "");
                Fixtures.keys(api, id, "sk-" + name);
                HttpResponse<String> plain = Fixtures.send(HttpRequest.newBuilder(
                                gw.uri("/proxy/" + name + "/v1/embeddings?key=" + proxyKey + "&probe=1"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":\"x\"}")));
                assertEquals(200, plain.statusCode(), plain.body());

                HttpResponse<InputStream> stream = Fixtures.CLIENT.send(HttpRequest.newBuilder(
                                gw.uri("/proxy/" + name + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + proxyKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true}")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, stream.statusCode());
                List<String> got = new ArrayList<>();
                long signalled;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    got.add(nextEvent(in));
                    gw.terminate();
                    signalled = System.nanoTime();
                    assertRefusesNewRequests(gw, name, proxyKey);
                    for (String e; (e = nextEvent(in)) != null; ) {
                        got.add(e);
                    }
                } // a stream cut short would end here with an IOException instead
                assertEquals(events, got, "every event reaches the client after SIGTERM");

                assertTrue(gw.awaitExit(SHUTDOWN_TIMEOUT), "the gateway did not exit by itself within "
                        + SHUTDOWN_TIMEOUT + " of SIGTERM");
                long tookMs = (System.nanoTime() - signalled) / 1_000_000;
                assertEquals(0, gw.exitValue(), "a drained stop exits with 0 (took " + tookMs + " ms)");
            } finally {
                gw.close();
            }

            assertStreamRowStored(db, name);
            List<JsonObject> stdout = jsonLines(gw.log());
            assertAccessLogged(stdout, name, proxyKey);
            Path file = gw.workDir().resolve("data/logs/app.log");
            assertTrue(Files.isRegularFile(file), "LOG_ENABLE_FILE writes " + file);
            assertAccessLogged(jsonLines(file), name, proxyKey);
        }
    }

    private static String nextEvent(BufferedReader in) throws java.io.IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        return null;
    }

    /** Once the signal is handled, a new proxy request gets 503 in the OpenAI error shape. */
    private static void assertRefusesNewRequests(Gateway gw, String name, String proxyKey) throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 40; i++) {
            r = Fixtures.post(gw, "/proxy/" + name + "/v1/embeddings", proxyKey, "{\"model\":\"m\",\"input\":\"x\"}");
            if (r.statusCode() != 200) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(503, r.statusCode(), r.body());
        JsonObject error = Api.parse(r.body()).getJsonObject("error");
        assertTrue(error.getString("message").contains("shutting down"), r.body());
    }

    private static void assertStreamRowStored(ScratchDatabase db, String name) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT status_code, is_stream, request_type FROM request_logs WHERE group_name = ? AND is_stream = ?")) {
            ps.setString(1, name);
            ps.setBoolean(2, true);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the stream's request-log row was stored before the gateway stopped");
                assertEquals(200, rs.getInt("status_code"));
                assertEquals("final", rs.getString("request_type"));
                assertFalse(rs.next(), "one row for the one stream");
            }
        }
    }

    /** Every line of the log that is a JSON object, after checking that the JSON lines parse. */
    static List<JsonObject> jsonLines(Path log) throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                try (var reader = Json.createReader(new StringReader(line))) {
                    JsonObject o = reader.readObject();
                    for (String field : List.of("time", "level", "logger", "message", "thread")) {
                        assertTrue(o.containsKey(field), field + " missing in " + line);
                    }
                    out.add(o);
                }
            }
        }
        assertTrue(out.size() > 5, "LOG_FORMAT=json writes JSON lines to " + log);
        return out;
    }

    private static void assertAccessLogged(List<JsonObject> lines, String name, String proxyKey) {
        List<String> access = lines.stream().filter(o -> o.getString("logger").equals("io.gptload.access"))
                .map(o -> o.getString("level") + " " + o.getString("message")).toList();
        assertTrue(access.stream().anyMatch(l -> l.startsWith("info POST /proxy/" + name
                        + "/v1/embeddings?key=***&probe=1 - 200 - ")), access.toString());
        assertTrue(access.stream().anyMatch(l -> l.startsWith("info POST /proxy/" + name
                        + "/v1/chat/completions - 200 - ")), "the stream is logged when it ends: " + access);
        assertTrue(access.stream().anyMatch(l -> l.startsWith("error POST /proxy/" + name
                + "/v1/embeddings - 503 - ")), "refused requests are logged as errors (5xx): " + access);
        assertTrue(access.stream().noneMatch(l -> l.contains(" /health")), "healthy /health is not logged");
        assertTrue(lines.stream().noneMatch(o -> o.toString().contains(proxyKey)), "the proxy key is never logged");
    }
}
