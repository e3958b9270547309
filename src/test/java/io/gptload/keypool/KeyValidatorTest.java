package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gptload.channel.ChannelType;
import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupDefinition;
import io.gptload.group.GroupSnapshot;
import io.gptload.group.HeaderRule;
import io.gptload.group.Upstream;
import io.gptload.settings.GroupConfigOverrides;
import io.gptload.settings.SystemSettings;
import io.gptload.shared.Secret;
import io.gptload.upstream.UpstreamClients;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a local HTTP server: request shape, the 2xx rule, error text, timeout, state update. */
class KeyValidatorTest {

    /** What the server received. */
    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;
    private final UpstreamClients clients = new UpstreamClients(io.gptload.shared.config.OutboundProxyConfig.NONE);
    private final KeyHealthTest.RecordingStore store = new KeyHealthTest.RecordingStore();
    private final KeyPool pool = new KeyPool();
    private final KeyValidator validator = new KeyValidator(clients, new KeyHealth(pool, store, clients, new RecordingEvent<>()));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        clients.relay().shutdownNow();
        clients.deadlines().shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private GroupSnapshot group(ChannelType type, String endpoint, String config, List<HeaderRule> rules) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
        GroupDefinition d = new GroupDefinition(7, "val-group", "", "", false, List.of(new Upstream(base, 1)), type, 0,
                "test-model", endpoint, Map.of(), Map.of(), false,
                GroupConfigOverrides.parse(Json.createReader(new java.io.StringReader(config)).readValue()), rules, "",
                null, null, null);
        GroupCatalog catalog = new GroupCatalog();
        catalog.rebuild(List.of(d), List.of(), SystemSettings.defaults());
        return catalog.byId(7).orElseThrow();
    }

    private GroupSnapshot openai() {
        return group(ChannelType.OPENAI, "", "{}", List.of());
    }

    @Test
    void openAiProbeWithHeaderRulesAndLocalhostAsClientIp() {
        GroupSnapshot g = group(ChannelType.OPENAI, "/v1/check?x=1", "{}",
                List.of(new HeaderRule("X-Client", "${CLIENT_IP}/${GROUP_NAME}", HeaderRule.Action.SET),
                        new HeaderRule("X-Key", "${API_KEY}", HeaderRule.Action.SET)));
        assertEquals(KeyCheck.VALID, validator.check(g, "sk-good"));
        Seen s = seen.poll();
        assertEquals("POST", s.method());
        assertEquals("/base/v1/check", s.path());
        assertEquals("x=1", s.query());
        assertEquals(List.of("Bearer sk-good"), s.headers().get("Authorization"));
        assertEquals(List.of("127.0.0.1/val-group"), s.headers().get("X-client"));
        assertEquals(List.of("sk-good"), s.headers().get("X-key"));
        assertEquals("{\"model\":\"test-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", s.body());
    }

    @Test
    void theChannelDefaultEndpointWhenTheGroupHasNone() {
        validator.check(openai(), "sk-1");
        assertEquals("/base/v1/chat/completions", seen.poll().path());
        validator.check(group(ChannelType.ANTHROPIC, "", "{}", List.of()), "sk-1");
        Seen s = seen.poll();
        assertEquals("/base/v1/messages", s.path());
        assertEquals(List.of("sk-1"), s.headers().get("X-api-key"));
    }

    @Test
    void anyTwoHundredIsValid() {
        status = 204;
        answer = "";
        assertTrue(validator.check(openai(), "sk-1").valid());
    }

    @Test
    void errorsCarryStatusAndTheParsedMessageWithTheKeyMasked() {
        status = 401;
        answer = "{\"error\":{\"message\":\"Incorrect API key provided: sk-bad-0123456789\"}}";
        KeyCheck c = validator.check(openai(), "sk-bad-0123456789");
        assertFalse(c.valid());
        assertTrue(c.error().startsWith("[status 401] Incorrect API key provided: "), c.error());
        assertFalse(c.error().contains("sk-bad-0123456789"), c.error());
        status = 404;
        answer = "not json";
        assertEquals("[status 404] not json", validator.check(openai(), "sk-x").error());
    }

    @Test
    void timeoutIsTheGroupsValidationTimeout() {
        hang = true;
        long t0 = System.nanoTime();
        KeyCheck c = validator.check(group(ChannelType.OPENAI, "", "{\"key_validation_timeout_seconds\":1}", List.of()),
                "sk-1");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(c.valid());
        assertEquals("failed to send validation request: timed out after 1s", c.error());
        assertTrue(ms < 5000, "gave up after " + ms + " ms");
    }

    @Test
    void unreachableUpstreamIsInvalidWithATransportReason() {
        GroupSnapshot g = openai();
        server.stop(0);
        KeyCheck c = validator.check(g, "sk-1");
        assertFalse(c.valid());
        assertTrue(c.error().startsWith("failed to send validation request: "), c.error());
    }

    @Test
    void validateAppliesTheResultToTheKey() {
        PooledKey key = new PooledKey(3, 7, new Secret("sk-back"), "h", "sk-back");
        assertEquals(KeyHealth.Change.RESTORED, validator.validate(openai(), key).change());
        assertTrue(pool.contains(7, 3));
        status = 401;
        assertEquals(KeyHealth.Change.BLACKLISTED, validator.validate(
                group(ChannelType.OPENAI, "", "{\"blacklist_threshold\":1}", List.of()), key).change());
        assertFalse(pool.contains(7, 3));
    }

    @Test
    void validateRemembersWhyTheKeyFailedUntilItPasses() {
        KeyCheckHistory history = new KeyCheckHistory();
        validator.setHistory(history);
        PooledKey key = new PooledKey(4, 7, new Secret("sk-remembered-0123456789"), "h", "sk-remembered-0123456789");
        status = 401;
        answer = "{\"error\":{\"message\":\"Incorrect API key provided: sk-remembered-0123456789\"}}";
        validator.validate(openai(), key);
        KeyCheckHistory.FailedCheck failed = history.failedChecks(List.of(4L)).get(4L);
        assertTrue(failed.reason().startsWith("[status 401] Incorrect API key provided"), failed.reason());
        assertFalse(failed.reason().contains("sk-remembered-0123456789"), "the key is masked: " + failed.reason());
        status = 200;
        answer = "{}";
        validator.validate(openai(), key);
        assertTrue(history.failedChecks(List.of(4L)).isEmpty(), "a passed check forgets the failure");
    }
}
