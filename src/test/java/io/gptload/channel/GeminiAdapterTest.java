package io.gptload.channel;

import static io.gptload.channel.Fixtures.bytes;
import static io.gptload.channel.Fixtures.json;
import static io.gptload.channel.Fixtures.post;
import static io.gptload.channel.Fixtures.request;
import static io.gptload.channel.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ErrorMessages;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiAdapterTest {

    private static final String NATIVE = "/v1beta/models/gemini-2.0-flash:generateContent";
    private static final String STREAM = "/v1beta/models/gemini-2.0-flash:streamGenerateContent";
    private static final String COMPAT = "/v1beta/openai/chat/completions";

    private final ChannelAdapter gemini = ChannelAdapters.of(ChannelType.GEMINI);

    private static ModelRedirect rules(boolean strict, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new ModelRedirect(m, strict);
    }

    @Test
    void identity() {
        assertEquals(ChannelType.GEMINI, gemini.type());
        assertEquals("", gemini.defaultValidationEndpoint());
    }

    @Test
    void streamsByMethodOrTheUsualSignals() {
        byte[] body = bytes("gemini/generate-request.json");
        assertTrue(gemini.isStream(request("POST", STREAM, "alt=sse", Map.of(), body)));
        assertFalse(gemini.isStream(post(NATIVE, body)));
        assertTrue(gemini.isStream(post(COMPAT, bytes("gemini/openai-chat-request.json"))));
        assertTrue(gemini.isStream(request("POST", NATIVE, "stream=true", Map.of(), body)));
    }

    @Test
    void requestedModelComesFromThePathThenTheBody() {
        byte[] body = bytes("gemini/generate-request.json");
        assertEquals("gemini-2.0-flash", gemini.requestedModel(post(STREAM, body), body));
        assertEquals("gemini-1.5-pro", gemini.requestedModel(post("/v1/models/gemini-1.5-pro", new byte[0]), new byte[0]));
        byte[] compat = bytes("gemini/openai-chat-request.json");
        assertEquals("gemini-2.0-flash", gemini.requestedModel(post(COMPAT, compat), compat));
        assertEquals("", gemini.requestedModel(post("/v1beta/models", new byte[0]), new byte[0]));
        assertEquals("", gemini.requestedModel(post("/v1beta/models/", new byte[0]), new byte[0]));
    }

    @Test
    void nativeCallsCarryTheKeyInTheQueryAfterTheClientsParameters() {
        byte[] body = bytes("gemini/generate-request.json");
        ClientRequest r = request("POST", STREAM, "alt=sse&b=%2F", Map.of(), body);
        UpstreamCall call = gemini.prepare("https://generativelanguage.googleapis.com/", r, body, "AIza+real/key", ModelRedirect.NONE);
        assertEquals("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse&b=%2F&key=AIza%2Breal%2Fkey",
                call.uri().toString());
        assertEquals(List.of(), call.headers());
        assertSame(body, call.body());
        assertEquals("https://h/v1beta/models?key=k",
                gemini.prepare("https://h", request("GET", "/v1beta/models", "", Map.of(), new byte[0]), new byte[0], "k", ModelRedirect.NONE).uri().toString());
    }

    @Test
    void nativeRedirectRewritesThePathSegmentAndKeepsTheMethod() {
        byte[] body = bytes("gemini/generate-request.json");
        UpstreamCall call = gemini.prepare("https://h", request("POST", STREAM, "alt=sse", Map.of(), body), body, "k",
                rules(true, "gemini-2.0-flash", "gemini-2.5-flash"));
        assertEquals("https://h/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=k", call.uri().toString());
        assertSame(body, call.body());
        UpstreamCall plain = gemini.prepare("https://h", post("/v1beta/models/a/x", new byte[0]), new byte[0], "k", rules(false, "a", "b"));
        assertEquals("https://h/v1beta/models/b/x?key=k", plain.uri().toString());
    }

    @Test
    void nativeStrictRejectsUnknownModelsAndLetsModelFreePathsThrough() {
        ModelRedirect strict = rules(true, "gemini-pro", "gemini-2.0-flash");
        ModelNotAllowedException e = assertThrows(ModelNotAllowedException.class,
                () -> gemini.prepare("https://h", post(NATIVE, new byte[0]), new byte[0], "k", strict));
        assertEquals("model 'gemini-2.0-flash' is not configured in redirect rules", e.getMessage());
        assertEquals("https://h/v1beta/models?key=k",
                gemini.prepare("https://h", post("/v1beta/models", new byte[0]), new byte[0], "k", strict).uri().toString());
        assertEquals("https://h" + NATIVE + "?key=k",
                gemini.prepare("https://h", post(NATIVE, new byte[0]), new byte[0], "k", rules(false, "x", "y")).uri().toString());
    }

    @Test
    void openAiCompatiblePathsBehaveLikeOpenAi() {
        byte[] body = bytes("gemini/openai-chat-request.json");
        UpstreamCall call = gemini.prepare("https://generativelanguage.googleapis.com", post(COMPAT, body), body, "AIza",
                rules(true, "gemini-2.0-flash", "gemini-2.5-pro"));
        assertEquals("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions", call.uri().toString());
        assertEquals(List.of(Map.entry("Authorization", "Bearer AIza")), call.headers());
        assertEquals(text(body).replace("gemini-2.0-flash", "gemini-2.5-pro"), text(call.body()));
        assertThrows(ModelNotAllowedException.class,
                () -> gemini.prepare("https://h", post(COMPAT, body), body, "k", rules(true, "other", "x")));
    }

    @Test
    void validationProbeIgnoresTheEndpoint() {
        UpstreamCall probe = gemini.validationProbe("https://h/", "/v1/chat/completions", "gemini-2.0-flash", "AIza");
        assertEquals("https://h/v1beta/models/gemini-2.0-flash:generateContent?key=AIza", probe.uri().toString());
        assertEquals("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}", text(probe.body()));
        assertEquals(List.of(Map.entry("Content-Type", "application/json")), probe.headers());
    }

    @Test
    void strictNativeModelListDropsThePageToken() {
        JsonObject out = json(gemini.rewriteModelList(bytes("gemini/model-list.json"), "", rules(true, "my-flash", "gemini-2.0-flash", "models/pro", "x")));
        assertFalse(out.containsKey("nextPageToken"));
        assertEquals("{\"models\":[{\"name\":\"models/my-flash\",\"displayName\":\"my-flash\",\"supportedGenerationMethods\":[\"generateContent\"]},"
                + "{\"name\":\"models/pro\",\"displayName\":\"models/pro\",\"supportedGenerationMethods\":[\"generateContent\"]}]}",
                text(gemini.rewriteModelList(bytes("gemini/model-list.json"), "", rules(true, "my-flash", "gemini-2.0-flash", "models/pro", "x"))));
    }

    @Test
    void nonStrictNativeModelListMergesOnTheFirstPageOnly() {
        ModelRedirect r = rules(false, "gemini-2.0-flash", "x", "my-flash", "gemini-2.0-flash", "models/gemini-1.5-pro", "y");
        JsonObject first = json(gemini.rewriteModelList(bytes("gemini/model-list.json"), "pageSize=2", r));
        assertEquals(List.of("models/gemini-2.0-flash", "models/gemini-1.5-pro", "models/my-flash"),
                first.getJsonArray("models").stream().map(v -> v.asJsonObject().getString("name")).toList());
        assertEquals("Chdnb29nbGUvZ2VtaW5pLTEuNS1wcm8", first.getString("nextPageToken"));
        assertEquals(1048576, first.getJsonArray("models").getJsonObject(0).getInt("inputTokenLimit"));
        JsonObject next = json(gemini.rewriteModelList(bytes("gemini/model-list.json"), "pageToken=abc", r));
        assertEquals(2, next.getJsonArray("models").size());
    }

    @Test
    void openAiShapedListUnderGemini() {
        JsonObject out = json(gemini.rewriteModelList(bytes("gemini/openai-model-list.json"), "", rules(false, "alias", "gemini-2.0-flash")));
        assertEquals(List.of("models/gemini-2.0-flash", "alias"),
                out.getJsonArray("data").stream().map(v -> v.asJsonObject().getString("id")).toList());
    }

    @Test
    void errors() {
        String upstream = ErrorMessages.parse(bytes("gemini/error.json"));
        assertEquals("Resource has been exhausted (e.g. check quota).", upstream);
        assertTrue(ErrorMessages.isUncounted(upstream));
        JsonObject generated = json(gemini.errorBody(429, "TOO_MANY_REQUESTS", "busy"));
        JsonObject shape = json(bytes("gemini/error.json")).getJsonObject("error");
        assertEquals(shape.keySet(), generated.getJsonObject("error").keySet());
        assertEquals("RESOURCE_EXHAUSTED", generated.getJsonObject("error").getString("status"));
    }
}
