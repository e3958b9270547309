package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Google's official Gen AI Java SDK (the Gemini API), used exactly as a user would with the
 * gateway as its base URL ({@code /proxy/{group}}) and a proxy key as its API key (which the SDK
 * sends in {@code x-goog-api-key}): generateContent, streamGenerateContent (SSE), an upstream
 * error and the gateway's own error, each as the SDK reads them.
 */
@ExtendWith(SharedGateway.class)
class GeminiSdkIT {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String QUESTION = "What is the capital of France? ¿Qué?";
    private static final String ANSWER = "The capital of France is Paris.";
    private static final List<String> DELTAS = List.of("Paris", " is", " the", " capital", ".");

    private static String response(String text, String finish) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                + (finish == null ? "" : "\"finishReason\":\"" + finish + "\",") + "\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":8,\"totalTokenCount\":17},"
                + "\"modelVersion\":\"" + MODEL + "\",\"responseId\":\"mYXfaO_3Lr2nz7IPnvbLoQw\"}";
    }

    private static final String EXHAUSTED = "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted "
            + "(e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}";

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** streamGenerateContent?alt=sse as Google sends it: one response per event, CRLF line ends. */
    private static FakeUpstream.Behavior sseChunks() {
        return (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < DELTAS.size(); i++) {
                String event = response(DELTAS.get(i), i == DELTAS.size() - 1 ? "STOP" : null);
                out.write(("data: " + event + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(10);
            }
        };
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T call(Client client) throws Exception;
    }

    private static <T> T withSdk(Gateway gw, String group, String proxyKey, SdkCall<T> call) throws Exception {
        try (Client client = Client.builder().apiKey(proxyKey).httpOptions(HttpOptions.builder()
                .baseUrl(gw.uri("/proxy/" + group).toString()).apiVersion("v1beta").timeout(60_000)
                .retryOptions(HttpRetryOptions.builder().attempts(1)).build()).build()) {
            return call.call(client);
        }
    }

    /** A gemini group whose one real key gets Gemini API answers. */
    private static String geminiGroup(Api api, FakeUpstream up, String real, String extra) {
        String name = Fixtures.unique("sdk-gemini");
        long id = Fixtures.group(api, name, "gemini", up.baseUrl(), "pk-" + name, extra);
        up.on(real, FakeUpstream.byPath(Map.of(
                "/v1beta/models/" + MODEL + ":generateContent", FakeUpstream.gzipJson(200, response(ANSWER, "STOP")),
                "/v1beta/models/" + MODEL + ":streamGenerateContent", sseChunks())));
        Fixtures.keys(api, id, real);
        return name;
    }

    @Test
    void generateContent(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkGen" + Fixtures.unique("k");
        String name = geminiGroup(api, up, real, "");

        GenerateContentResponse r = withSdk(api.gateway(), name, "pk-" + name,
                sdk -> sdk.models.generateContent(MODEL, QUESTION, null));

        assertEquals(ANSWER, r.text());
        assertEquals(FinishReason.Known.STOP, r.finishReason().knownEnum());
        assertEquals(17, r.usageMetadata().orElseThrow().totalTokenCount().orElseThrow());
        assertEquals(MODEL, r.modelVersion().orElseThrow());
        List<FakeUpstream.Recorded> got = up.requests(real);
        assertEquals(1, got.size());
        FakeUpstream.Recorded req = got.get(0);
        assertEquals("POST", req.method());
        assertEquals("/v1beta/models/" + MODEL + ":generateContent", req.path());
        assertEquals("key=" + real, req.rawQuery(), "the real key in the query, as gpt-load sends it");
        assertNull(req.header("x-goog-api-key"), "the client's credential header is not forwarded");
        assertFalse(req.headers().toString().contains("pk-" + name), "the proxy key never reaches the upstream");
        JsonObject body = json(req.bodyText());
        assertEquals(QUESTION, body.getJsonArray("contents").getJsonObject(0).getJsonArray("parts")
                .getJsonObject(0).getString("text"));
    }

    @Test
    void streamGenerateContent(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkStream" + Fixtures.unique("k");
        String name = geminiGroup(api, up, real, "");

        List<GenerateContentResponse> chunks = withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            List<GenerateContentResponse> out = new ArrayList<>();
            try (ResponseStream<GenerateContentResponse> stream = sdk.models.generateContentStream(MODEL, QUESTION, null)) {
                stream.forEach(out::add);
            }
            return out;
        });

        assertEquals(DELTAS.size(), chunks.size());
        assertEquals(String.join("", DELTAS), chunks.stream().map(GenerateContentResponse::text)
                .collect(Collectors.joining()));
        assertEquals(FinishReason.Known.STOP, chunks.getLast().finishReason().knownEnum());
        FakeUpstream.Recorded req = up.requests(real).get(0);
        assertEquals("/v1beta/models/" + MODEL + ":streamGenerateContent", req.path());
        assertEquals("alt=sse&key=" + real, req.rawQuery(), "the client's parameters first, the key last");
    }

    @Test
    void theModelListWithARedirectRuleReadsLikeGoogles(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkModels" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-gemini-models");
        long id = Fixtures.group(api, name, "gemini", up.baseUrl(), "pk-" + name,
                ",\"model_redirect_rules\":{\"gemini-latest\":\"" + MODEL + "\"}");
        up.on(real, FakeUpstream.byPath(Map.of("/v1beta/models", FakeUpstream.json(200, "{\"models\":[{\"name\":\"models/"
                + MODEL + "\",\"version\":\"001\",\"displayName\":\"Gemini 2.5 Flash\",\"inputTokenLimit\":1048576,"
                + "\"outputTokenLimit\":65536,\"supportedGenerationMethods\":[\"generateContent\",\"countTokens\"]}]}"))));
        Fixtures.keys(api, id, real);

        List<com.google.genai.types.Model> models = withSdk(api.gateway(), name, "pk-" + name, sdk -> {
            List<com.google.genai.types.Model> out = new ArrayList<>();
            sdk.models.list(null).forEach(out::add);
            return out;
        });

        assertEquals(List.of("models/" + MODEL, "models/gemini-latest"),
                models.stream().map(m -> m.name().orElseThrow()).toList());
        assertEquals("gemini-latest", models.get(1).displayName().orElseThrow());
        assertTrue(models.get(1).supportedActions().orElseThrow().contains("generateContent"));
    }

    @Test
    void anUpstreamErrorReachesTheSdkAsTheApiSentIt(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkQuota" + Fixtures.unique("k");
        String name = Fixtures.unique("sdk-gemini-429");
        long id = Fixtures.group(api, name, "gemini", up.baseUrl(), "pk-" + name, ",\"config\":{\"max_retries\":0}");
        up.on(real, FakeUpstream.json(429, EXHAUSTED));
        Fixtures.keys(api, id, real);

        ClientException e = assertThrows(ClientException.class, () ->
                withSdk(api.gateway(), name, "pk-" + name, sdk -> sdk.models.generateContent(MODEL, QUESTION, null)));

        assertEquals(429, e.code());
        assertEquals("RESOURCE_EXHAUSTED", e.status());
        assertEquals("Resource has been exhausted (e.g. check quota).", e.message());
        assertFalse(e.getMessage().contains(real), "the real key is not in what the client sees");
    }

    @Test
    void aWrongProxyKeyIsUnauthenticatedAsTheSdkReadsIt(Api api, FakeUpstream up) throws Exception {
        String real = "AIzaSyGsdkDenied" + Fixtures.unique("k");
        String name = geminiGroup(api, up, real, "");

        ClientException e = assertThrows(ClientException.class, () ->
                withSdk(api.gateway(), name, "AIzaSy-not-a-proxy-key", sdk -> sdk.models.generateContent(MODEL, QUESTION, null)));

        assertEquals(401, e.code());
        assertEquals("UNAUTHENTICATED", e.status());
        assertFalse(e.message().isBlank());
        assertTrue(up.requests(real).isEmpty(), "nothing was sent upstream");
    }
}
