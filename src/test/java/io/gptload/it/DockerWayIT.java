package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The uber-jar started the way {@code docker/Dockerfile} starts it, read from the Dockerfile
 * itself (its {@code ENV JAVA_OPTS}, its {@code ENTRYPOINT}, an {@code /app}-like directory with
 * {@code data/}), without Docker: the image's {@code HEALTHCHECK} command passes, and
 * {@code /health}, the readiness endpoint, {@code /metrics} (the gateway's named metrics in
 * Prometheus text format) and the OpenAPI document answer as an operator's tools expect.
 */
class DockerWayIT {

    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

    @Test
    void theImagesCommandServesHealthReadinessMetricsAndOpenApi() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        String javaOpts = group(dockerfile, "ENV JAVA_OPTS=\"([^\"]*)\"");
        List<String> entrypoint = jsonArray(group(dockerfile, "(?m)^ENTRYPOINT (\\[.*\\])$"));
        String healthcheck = group(dockerfile, "(?m)^\\s*CMD (bash -c '.*')$");

        Path app = Files.createTempDirectory("gpt-load-docker-way-");
        Files.createDirectories(app.resolve("data"));
        Files.createSymbolicLink(app.resolve("gpt-load.jar"), Path.of("target", "gpt-load.jar").toAbsolutePath());
        List<String> command = new ArrayList<>();
        for (String part : entrypoint) {
            command.add(part.replace("/app/gpt-load.jar", app.resolve("gpt-load.jar").toString()));
        }
        int port = Gateway.freePort();
        Path log = Path.of("target", "it-logs", "docker-way.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_OPTS", javaOpts);
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1");
        env.put("AUTH_KEY", Gateway.AUTH_KEY);
        // the image's java is the JDK the tests run on
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = pb.start();
        FakeUpstream up = FakeUpstream.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base, process, log);

            assertEquals(0, healthcheck(healthcheck, port), "the Dockerfile's HEALTHCHECK passes");
            assertTrue(healthcheck(healthcheck, Gateway.freePort()) != 0, "and fails where nothing listens");

            HttpResponse<String> health = get(base + "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"status\":\"healthy\""), health.body());
            HttpResponse<String> ready = get(base + "/healthz/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"status\":\"UP\"") && ready.body().contains("\"database\""), ready.body());

            // one proxied request, so the per-group metrics exist
            String name = Fixtures.unique("dock");
            String proxyKey = Secrets.remember("pk-" + name);
            String key = Secrets.remember("sk-" + name);
            up.on(key, FakeUpstream.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"));
            HttpResponse<String> made = send(HttpRequest.newBuilder(URI.create(base + "/api/groups"))
                    .header("Authorization", "Bearer " + Gateway.AUTH_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"channel_type\":\"openai\","
                            + "\"test_model\":\"m\",\"upstreams\":[{\"url\":\"" + up.baseUrl() + "\",\"weight\":1}],"
                            + "\"proxy_keys\":\"" + proxyKey + "\"}")));
            assertEquals(200, made.statusCode(), made.body());
            String id = group(made.body(), "\"id\":(\\d+)");
            HttpResponse<String> added = send(HttpRequest.newBuilder(URI.create(base + "/api/keys/add-multiple"))
                    .header("Authorization", "Bearer " + Gateway.AUTH_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"group_id\":" + id + ",\"keys_text\":\"" + key + "\"}")));
            assertEquals(200, added.statusCode(), added.body());
            HttpResponse<String> proxied = send(HttpRequest.newBuilder(URI.create(base + "/proxy/" + name
                            + "/v1/chat/completions")).header("Authorization", "Bearer " + proxyKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")));
            assertEquals(200, proxied.statusCode(), proxied.body());

            HttpResponse<String> metrics = get(base + "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                    "Prometheus text format: " + metrics.headers().map());
            for (String family : List.of("gptload_requests_total counter", "gptload_attempts_total counter",
                    "gptload_keys_active gauge", "gptload_keys_invalid gauge", "gptload_open_streams gauge",
                    "gptload_upstream_latency_seconds ", "gptload_added_latency_seconds ")) { // timers: type by MP Metrics
                assertTrue(metrics.body().contains("# TYPE " + family), "/metrics lacks " + family);
            }
            assertTrue(metrics.body().contains("gptload_requests_total{group=\"" + name + "\",")
                    || metrics.body().contains("gptload_requests_total{") && metrics.body().contains(name),
                    "the proxied request is counted for its group");

            HttpResponse<String> openapi = get(base + "/openapi");
            assertEquals(200, openapi.statusCode());
            assertTrue(openapi.body().startsWith("openapi: 3") && openapi.body().contains("/api/groups"),
                    openapi.body().substring(0, Math.min(200, openapi.body().length())));
        } finally {
            up.close();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (var files = Files.walk(app)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Runs the image's HEALTHCHECK command against {@code port}; its exit code. */
    private static int healthcheck(String command, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PORT", Integer.toString(port));
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the HEALTHCHECK command ends within its timeout");
        return p.exitValue();
    }

    private static void awaitHealthy(String base, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get(base + "/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no healthy /health within 180 s; see " + log);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return Fixtures.CLIENT.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        assertNotNull(m.group(1));
        return m.group(1);
    }

    /** A JSON array of plain strings, as in an exec-form ENTRYPOINT. */
    private static List<String> jsonArray(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}
