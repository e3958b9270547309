package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Java SDK, used exactly as a user would with the gateway as its base URL:
 * chat, streamed chat, embeddings, and errors from the upstream and from the gateway itself.
 */
@ExtendWith(SharedGateway.class)
class OpenAiSdkIT {

    private static final String MODEL = "gpt-4o-mini-2024-07-18";
    private static final String ANSWER = "The capital of France is Paris.";
    private static final List<String> DELTAS = List.of("Paris", " is", " the", " capital", ".");
    private static final float[] VECTOR = {0.0023064255f, -0.009327292f, 0.015797347f, -0.0077780345f, 1.5e-7f};

    private static final String COMPLETION = """
            {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1741570283,\
            "model":"%s","choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null,\
            "annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":14,\
            "completion_tokens":8,"total_tokens":22,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
            "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
            "rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"""
            .formatted(MODEL, ANSWER);

    private static final String BAD_KEY_ERROR = "{\"error\":{\"message\":\"Incorrect API key provided\","
            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static String chunk(String delta, String finish) {
        return "{\"id\":\"chatcmpl-stream1\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,\"model\":\""
                + MODEL + "\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}";
    }

    private static List<String> streamEvents() {
        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        DELTAS.forEach(d -> events.add(chunk("{\"content\":\"" + d + "\"}", "null")));
        events.add(chunk("{}", "\"stop\""));
        events.add("[DONE]");
        return events;
    }

    /** Answers like the real embeddings endpoint: floats, or little-endian float32 in base64 when asked. */
    private static FakeUpstream.Behavior embeddings() {
        return (ex, r) -> {
            JsonObject req = json(r.bodyText());
            String vector;
            if ("base64".equals(req.getString("encoding_format", "float"))) {
                ByteBuffer buf = ByteBuffer.allocate(VECTOR.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : VECTOR) {
                    buf.putFloat(f);
                }
                vector = "\"" + Base64.getEncoder().encodeToString(buf.array()) + "\"";
            } else {
                List<String> parts = new ArrayList<>();
                for (float f : VECTOR) {
                    parts.add(Float.toString(f));
                }
                vector = "[" + String.join(",", parts) + "]";
            }
            FakeUpstream.gzipJson(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":"
                    + vector + "}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}")
                    .handle(ex, r);
        };
    }

    /** One SDK call through a client configured as a user would, closed afterwards. */
    @FunctionalInterface
    interface SdkCall<T> {
        T call(OpenAIClient client) throws Exception;
    }

    static <T> T withSdk(Gateway gw, String group, String proxyKey, SdkCall<T> call) throws Exception {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gw.uri("/proxy/" + group + "/v1").toString())
                .apiKey(proxyKey).maxRetries(0).responseValidation(true).timeout(Duration.ofSeconds(60)).build();
        try {
            return call.call(client);
        } finally {
            client.close();
        }
    }

    /** A group whose one real key gets OpenAI-like answers on chat completions and embeddings. */
    private static String openAiGroup(Api api, FakeUpstream up, String real) {
        String name = Fixtures.unique("sdk");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        up.on(real, FakeUpstream.byPath(Map.of(
                "/v1/chat/completions", (ex, r) -> (json(r.bodyText()).getBoolean("stream", false)
                        ? FakeUpstream.sse(streamEvents(), 20) : FakeUpstream.gzipJson(200, COMPLETION)).handle(ex, r),
                "/v1/embeddings", embeddings())));
        Fixtures.keys(api, id, real);
        return name;
    }

    private static ChatCompletionCreateParams question() {
        return ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI)
                .addSystemMessage("Answer briefly.").addUserMessage("What is the capital of France? ¿Qué?")
                .maxCompletionTokens(50).temperature(0.2).build();
    }

    private static float[] floats(List<Float> got) {
        float[] out = new float[got.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = got.get(i);
        }
        return out;
    }

    @Test
    void chatCompletion(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkchat" + Fixtures.unique("k");
        String name = openAiGroup(api, up, real);
        ChatCompletion c = withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.chat().completions().create(question()));
        assertEquals(ANSWER, c.choices().get(0).message().content().orElseThrow());
        assertEquals(MODEL, c.model());
        assertEquals("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", c.id());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, c.choices().get(0).finishReason());
        assertEquals(22, c.usage().orElseThrow().totalTokens());
        List<FakeUpstream.Recorded> got = up.requests(real);
        assertEquals(1, got.size());
        FakeUpstream.Recorded req = got.get(0);
        assertEquals("POST", req.method());
        assertEquals("/v1/chat/completions", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"));
        assertTrue(req.header("Accept-Encoding").contains("gzip"), "the SDK's gzip offer is forwarded, so the "
                + "upstream answers compressed as the real API does");
        assertEquals(ObjectMappers.jsonMapper().writeValueAsString(question()._body()), req.bodyText(),
                "the SDK's body reaches the upstream byte for byte");
        JsonObject body = json(req.bodyText());
        assertEquals("gpt-4o-mini", body.getString("model"));
        assertEquals("What is the capital of France? ¿Qué?",
                body.getJsonArray("messages").getJsonObject(1).getString("content"));
    }

    @Test
    void streamedChatCompletion(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkstream" + Fixtures.unique("k");
        String name = openAiGroup(api, up, real);
        List<ChatCompletionChunk> chunks = withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(question())) {
                return stream.stream().toList();
            }
        });
        assertEquals(DELTAS.size() + 2, chunks.size(), "role chunk, one per delta, final chunk; [DONE] ends it");
        String text = chunks.stream().flatMap(c -> c.choices().stream())
                .map(ch -> ch.delta().content().orElse("")).collect(Collectors.joining());
        assertEquals(String.join("", DELTAS), text);
        assertTrue(chunks.stream().allMatch(c -> MODEL.equals(c.model())));
        assertEquals(ChatCompletionChunk.Choice.FinishReason.STOP,
                chunks.getLast().choices().get(0).finishReason().orElseThrow());

        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1/chat/completions", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"));
        assertEquals("text/event-stream", req.header("Accept"));
        JsonObject body = json(req.bodyText());
        assertTrue(body.getBoolean("stream"));
        assertEquals(json(ObjectMappers.jsonMapper().writeValueAsString(question()._body())),
                Json.createObjectBuilder(body).remove("stream").build(), "otherwise the same body as a plain call");
    }

    @Test
    void theModelListWithARedirectRuleReadsLikeOpenAis(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkmodels" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-models");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"model_redirect_rules\":{\"team-default\":\"gpt-4o-mini\"}");
        up.on(real, FakeUpstream.byPath(Map.of("/v1/models", FakeUpstream.gzipJson(200, "{\"object\":\"list\",\"data\":["
                + "{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1721172741,\"owned_by\":\"system\"}]}"))));
        Fixtures.keys(api, id, real);

        List<com.openai.models.models.Model> models = withSdk(api.gateway(), name, "pk-" + name,
                sdk -> sdk.models().list().data());

        assertEquals(List.of("gpt-4o-mini", "team-default"), models.stream().map(m -> m.id()).toList());
        assertEquals("system", models.get(1).ownedBy());
        assertEquals(0, models.get(1).created());
    }

    @Test
    void geminisOpenAiCompatibleEndpointThroughAGeminiGroup(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkCompat" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-gemini-compat");
        long id = Fixtures.group(api, name, "gemini", up.baseUrl(), "pk-" + name, "");
        up.on(real, FakeUpstream.byPath(Map.of("/v1beta/openai/chat/completions", FakeUpstream.gzipJson(200, COMPLETION))));
        Fixtures.keys(api, id, real);

        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(api.gateway().uri("/proxy/" + name + "/v1beta/openai")
                .toString()).apiKey("pk-" + name).maxRetries(0).responseValidation(true).build();
        ChatCompletion c;
        try {
            c = client.chat().completions().create(question());
        } finally {
            client.close();
        }

        assertEquals(ANSWER, c.choices().get(0).message().content().orElseThrow());
        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1beta/openai/chat/completions", req.path());
        assertEquals("Bearer " + real, req.header("Authorization"), "Bearer, not key=, on Gemini's OpenAI endpoint");
        assertEquals(null, req.rawQuery());
    }

    @Test
    void embeddingsAsFloatsAndAsTheDefaultBase64(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdkembed" + Fixtures.unique("k");
        String name = openAiGroup(api, up, real);
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
                .model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL).input("The food was delicious");
        List<CreateEmbeddingResponse> answers = withSdk(api.gateway(), name, "pk-" + name, sdk -> List.of(
                sdk.embeddings().create(params.build()),
                sdk.embeddings().create(params.encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build())));
        for (CreateEmbeddingResponse e : answers) {
            assertEquals("text-embedding-3-small", e.model());
            assertEquals(1, e.data().size());
            assertEquals(0, e.data().get(0).index());
            assertArrayEquals(VECTOR, floats(e.data().get(0).embedding()), e.data().get(0).embedding().toString());
            assertEquals(8, e.usage().totalTokens());
        }
        assertTrue(answers.get(0).data().get(0).embeddingValue().isBase64(), "the SDK asks for base64 by default");
        assertTrue(answers.get(1).data().get(0).embeddingValue().isFloats());
        List<FakeUpstream.Recorded> got = up.requests(real);
        assertEquals(2, got.size());
        List<String> formats = new ArrayList<>();
        for (FakeUpstream.Recorded req : got) {
            assertEquals("/v1/embeddings", req.path());
            assertEquals("Bearer " + real, req.header("Authorization"));
            JsonObject body = json(req.bodyText());
            assertEquals("text-embedding-3-small", body.getString("model"));
            assertEquals("The food was delicious", body.getString("input"));
            formats.add(body.getString("encoding_format"));
        }
        assertEquals(List.of("base64", "float"), formats);
    }

    @Test
    void upstreamAuthErrorReachesTheSdkAfterTheGatewayRetries(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("sdkerr");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name,
                ",\"config\":{\"max_retries\":2,\"blacklist_threshold\":0}");
        String prefix = "sk-proj-sdkbad-" + name + "-";
        List<String> keys = List.of(prefix + "a", prefix + "b");
        keys.forEach(k -> up.on(k, FakeUpstream.gzipJson(401, BAD_KEY_ERROR)));
        Fixtures.keys(api, id, keys.toArray(String[]::new));

        UnauthorizedException e = withSdk(api.gateway(), name, "pk-" + name, sdk ->
                assertThrows(UnauthorizedException.class, () -> sdk.chat().completions().create(question())));
        assertEquals("401: Incorrect API key provided", e.getMessage());
        assertEquals(401, e.statusCode());
        assertEquals("invalid_request_error", e.type().orElseThrow());
        assertEquals("invalid_api_key", e.code().orElseThrow());
        List<FakeUpstream.Recorded> got = up.requestsWithKeyPrefix(prefix);
        assertEquals(3, got.size(), "the first attempt and two gateway retries; the SDK itself does not retry");
        assertTrue(got.stream().allMatch(r -> "/v1/chat/completions".equals(r.path())));
    }

    @Test
    void gatewayAuthErrorIsATypedSdkErrorWithAReadableMessage(Api api, FakeUpstream up) throws Exception {
        String real = "sk-proj-sdknoauth" + Fixtures.unique("k");
        String name = openAiGroup(api, up, real);
        UnauthorizedException e = withSdk(api.gateway(), name, "pk-wrong-" + name, sdk ->
                assertThrows(UnauthorizedException.class, () -> sdk.chat().completions().create(question())));
        assertEquals(401, e.statusCode());
        assertEquals("authentication_error", e.type().orElseThrow());
        String message = e.getMessage();
        assertTrue(message.startsWith("401: ") && message.length() > 5, message);
        assertFalse(message.contains("{") || message.contains("Unknown"), "a message, not a JSON dump: " + message);
        assertTrue(up.requests(real).isEmpty(), "nothing is forwarded without a valid proxy key");
    }
}
