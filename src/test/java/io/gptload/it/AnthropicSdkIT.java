package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Anthropic Java SDK, used exactly as a user would with the gateway as its base URL
 * ({@code /proxy/{group}}) and a proxy key as its API key: a message, a streamed message (named
 * SSE events), an upstream error and the gateway's own error, each as the SDK reads them.
 */
@ExtendWith(SharedGateway.class)
class AnthropicSdkIT {

    private static final String MODEL = "claude-sonnet-4-5-20250929";
    private static final String ANSWER = "The capital of France is Paris.";
    private static final List<String> DELTAS = List.of("Paris", " is", " the", " capital", ".");

    private static final String MESSAGE = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"%s",\
            "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,\
            "usage":{"input_tokens":14,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,\
            "output_tokens":8,"service_tier":"standard"}}""".formatted(MODEL, ANSWER);

    private static final String RATE_LIMITED = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"},"
            + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** The stream the Messages API sends: named events, each with its JSON. */
    private static List<String[]> streamEvents() {
        List<String[]> events = new ArrayList<>();
        events.add(new String[] {"message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_stream1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[],"
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":14,\"output_tokens\":1}}}"});
        events.add(new String[] {"content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"});
        events.add(new String[] {"ping", "{\"type\":\"ping\"}"});
        for (String d : DELTAS) {
            events.add(new String[] {"content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + d + "\"}}"});
        }
        events.add(new String[] {"content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"});
        events.add(new String[] {"message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":8}}"});
        events.add(new String[] {"message_stop", "{\"type\":\"message_stop\"}"});
        return events;
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T call(AnthropicClient client) throws Exception;
    }

    private static <T> T withSdk(Gateway gw, String group, String proxyKey, SdkCall<T> call) throws Exception {
        AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(gw.uri("/proxy/" + group).toString())
                .apiKey(proxyKey).maxRetries(0).timeout(Duration.ofSeconds(60)).build();
        try {
            return call.call(client);
        } finally {
            client.close();
        }
    }

    /** An anthropic group whose one real key gets Messages API answers. */
    private static String anthropicGroup(Api api, FakeUpstream up, String real, FakeUpstream.Behavior messages) {
        String name = Fixtures.unique("sdk-claude");
        long id = Fixtures.group(api, name, "anthropic", up.baseUrl(), "pk-" + name, "");
        up.on(real, FakeUpstream.byPath(Map.of("/v1/messages", messages)));
        Fixtures.keys(api, id, real);
        return name;
    }

    private static MessageCreateParams question() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(100).system("Answer briefly.")
                .addUserMessage("What is the capital of France? ¿Qué?").build();
    }

    @Test
    void message(Api api, FakeUpstream up) throws Exception {
        String real = "sk-ant-api03-sdkmsg" + Fixtures.unique("k");
        String name = anthropicGroup(api, up, real, FakeUpstream.gzipJson(200, MESSAGE));

        Message m = withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.messages().create(question()));

        assertEquals(ANSWER, m.content().get(0).asText().text());
        assertEquals("msg_01XFDUDYJgAACzvnptvVoYEL", m.id());
        assertEquals(MODEL, m.model().asString());
        assertEquals(StopReason.END_TURN, m.stopReason().orElseThrow());
        assertEquals(8, m.usage().outputTokens());
        List<FakeUpstream.Recorded> got = up.requests(real);
        assertEquals(1, got.size());
        FakeUpstream.Recorded req = got.get(0);
        assertEquals("POST", req.method());
        assertEquals("/v1/messages", req.path());
        assertEquals(real, req.header("x-api-key"));
        assertEquals("2023-06-01", req.header("anthropic-version"));
        assertNull(req.header("Authorization"));
        assertFalse(req.headers().toString().contains("pk-" + name), "the proxy key never reaches the upstream");
        assertEquals(ObjectMappers.jsonMapper().writeValueAsString(question()._body()), req.bodyText(),
                "the SDK's body reaches the upstream byte for byte");
    }

    @Test
    void streamedMessage(Api api, FakeUpstream up) throws Exception {
        String real = "sk-ant-api03-sdkstream" + Fixtures.unique("k");
        String name = anthropicGroup(api, up, real, FakeUpstream.namedSse(streamEvents()));

        List<RawMessageStreamEvent> events = withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            try (StreamResponse<RawMessageStreamEvent> stream = sdk.messages().createStreaming(question())) {
                return stream.stream().toList();
            }
        });

        String text = events.stream().flatMap(e -> e.contentBlockDelta().stream())
                .map(d -> d.delta().asText().text()).collect(Collectors.joining());
        assertEquals(String.join("", DELTAS), text);
        assertEquals("msg_stream1", events.get(0).messageStart().orElseThrow().message().id());
        assertEquals(StopReason.END_TURN, events.stream().flatMap(e -> e.messageDelta().stream())
                .findFirst().orElseThrow().delta().stopReason().orElseThrow());
        assertTrue(events.getLast().isMessageStop(), "the stream ends with message_stop");

        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals(real, req.header("x-api-key"));
        JsonObject body = json(req.bodyText());
        assertTrue(body.getBoolean("stream"));
        assertEquals(json(ObjectMappers.jsonMapper().writeValueAsString(question()._body())),
                Json.createObjectBuilder(body).remove("stream").build(), "otherwise the same body as a plain call");
    }

    @Test
    void theModelListWithARedirectRuleReadsLikeAnthropics(Api api, FakeUpstream up) throws Exception {
        String real = "sk-ant-api03-sdkmodels" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-claude-models");
        long id = Fixtures.group(api, name, "anthropic", up.baseUrl(), "pk-" + name,
                ",\"model_redirect_rules\":{\"claude-latest\":\"" + MODEL + "\"}");
        up.on(real, FakeUpstream.byPath(Map.of("/v1/models", FakeUpstream.json(200, "{\"data\":[{\"type\":\"model\","
                + "\"id\":\"" + MODEL + "\",\"display_name\":\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],"
                + "\"has_more\":false,\"first_id\":\"" + MODEL + "\",\"last_id\":\"" + MODEL + "\"}"))));
        Fixtures.keys(api, id, real);

        List<com.anthropic.models.models.ModelInfo> models = withSdk(api.gateway(), name, "pk-" + name,
                sdk -> sdk.models().list().data());

        assertEquals(List.of(MODEL, "claude-latest"), models.stream().map(m -> m.id()).toList());
        for (com.anthropic.models.models.ModelInfo m : models) { // every field a user reads is there
            assertFalse(m.displayName().isBlank(), m.toString());
            assertTrue(m.createdAt().getYear() >= 1970, m.toString());
            assertEquals("model", m._type().convert(String.class), m.toString());
        }
        assertEquals("claude-latest", models.get(1).displayName());
    }

    @Test
    void anUpstreamErrorReachesTheSdkAsTheApiSentIt(Api api, FakeUpstream up) throws Exception {
        String real = "sk-ant-api03-sdklimit" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-claude-429");
        long id = Fixtures.group(api, name, "anthropic", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":0}");
        up.on(real, (ex, r) -> { // as the API answers: the request id in a header and in the body
            ex.getResponseHeaders().set("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy");
            ex.getResponseHeaders().set("retry-after", "17");
            FakeUpstream.json(429, RATE_LIMITED).handle(ex, r);
        });
        Fixtures.keys(api, id, real);

        RateLimitException e = assertThrows(RateLimitException.class, () ->
                withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.messages().create(question())));

        assertEquals(429, e.statusCode());
        assertEquals("rate_limit_error", e.errorType().orElseThrow().asString());
        assertEquals("Number of request tokens has exceeded your per-minute rate limit", e.apiMessage().orElseThrow());
        assertEquals("req_011CSHoEeqs5C35K2UUqR7Fy", e.requestId().orElseThrow(), "the upstream's headers pass");
        assertEquals("17", e.headers().values("retry-after").get(0));
    }

    @Test
    void aWrongProxyKeyIsAnAuthenticationErrorTheSdkReads(Api api, FakeUpstream up) throws Exception {
        String real = "sk-ant-api03-sdkdenied" + Fixtures.unique("k");
        String name = anthropicGroup(api, up, real, FakeUpstream.json(200, MESSAGE));

        UnauthorizedException e = assertThrows(UnauthorizedException.class, () ->
                withSdk(api.gateway(), name, "sk-ant-not-a-proxy-key", sdk -> sdk.messages().create(question())));

        assertEquals(401, e.statusCode());
        assertEquals("authentication_error", e.errorType().orElseThrow().asString());
        assertFalse(e.apiMessage().orElseThrow().isBlank());
        assertTrue(up.requests(real).isEmpty(), "nothing was sent upstream");
    }
}
