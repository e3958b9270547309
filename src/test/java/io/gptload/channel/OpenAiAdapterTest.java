package io.gptload.channel;

import static io.gptload.channel.Fixtures.bytes;
import static io.gptload.channel.Fixtures.json;
import static io.gptload.channel.Fixtures.post;
import static io.gptload.channel.Fixtures.request;
import static io.gptload.channel.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ErrorMessages;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiAdapterTest {

    private final ChannelAdapter openAi = ChannelAdapters.of(ChannelType.OPENAI);
    private final ChannelAdapter responses = ChannelAdapters.of(ChannelType.OPENAI_RESPONSE);

    private static ModelRedirect rules(boolean strict, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return new ModelRedirect(m, strict);
    }

    @Test
    void identity() {
        assertEquals(ChannelType.OPENAI, openAi.type());
        assertEquals("/v1/chat/completions", openAi.defaultValidationEndpoint());
        assertEquals(ChannelType.OPENAI_RESPONSE, responses.type());
        assertEquals("/v1/responses", responses.defaultValidationEndpoint());
        assertSame(openAi, ChannelAdapters.of(ChannelType.OPENAI));
    }

    @Test
    void detectsStreams() {
        assertTrue(openAi.isStream(post("/v1/chat/completions", bytes("openai/stream-request.json"))));
        assertFalse(openAi.isStream(post("/v1/chat/completions", bytes("openai/chat-request.json"))));
        assertTrue(openAi.isStream(request("POST", "/v1/chat/completions", "", Map.of("accept", "text/event-stream, */*"), new byte[0])));
        assertTrue(responses.isStream(request("POST", "/v1/responses", "a=1&stream=true", Map.of(), new byte[0])));
        assertFalse(openAi.isStream(request("POST", "/v1/chat/completions", "stream=1", Map.of(), b("{\"stream\":\"true\"}"))));
        assertFalse(openAi.isStream(post("/v1/chat/completions", b("{\"o\":{\"stream\":true}}"))));
    }

    @Test
    void requestedModelIsTheTopLevelModel() {
        assertEquals("gpt-4o-mini", openAi.requestedModel(post("/v1/chat/completions", new byte[0]), bytes("openai/chat-request.json")));
        assertEquals("", openAi.requestedModel(post("/v1/chat/completions", new byte[0]), b("not json")));
        assertEquals("", openAi.requestedModel(post("/v1/chat/completions", new byte[0]), b("{\"model\":7}")));
    }

    @Test
    void prepareBuildsUrlAndBearerAndLeavesTheBodyAlone() {
        byte[] body = bytes("openai/chat-request.json");
        UpstreamCall call = openAi.prepare("https://api.openai.com/", post("/v1/chat/completions", body), body, "sk-real", ModelRedirect.NONE);
        assertEquals("https://api.openai.com/v1/chat/completions", call.uri().toString());
        assertEquals(List.of(Map.entry("Authorization", "Bearer sk-real")), call.headers());
        assertSame(body, call.body());
        assertFalse(call.toString().contains("sk-real"));
    }

    @Test
    void prepareKeepsTheClientQuery() {
        ClientRequest r = request("POST", "/v1/responses", "x=1&y=%20", Map.of(), new byte[0]);
        assertEquals("https://h/base/v1/responses?x=1&y=%20", responses.prepare("https://h/base", r, new byte[0], "k", ModelRedirect.NONE).uri().toString());
    }

    @Test
    void redirectChangesOnlyTheModelBytes() {
        byte[] body = bytes("openai/chat-request.json");
        UpstreamCall call = openAi.prepare("https://h", post("/v1/chat/completions", body), body, "k",
                rules(false, "gpt-4o-mini", "gpt-4o-2024-08-06"));
        String expected = text(body).replace("\"model\": \"gpt-4o-mini\"", "\"model\": \"gpt-4o-2024-08-06\"");
        assertEquals(expected, text(call.body()));
        assertTrue(text(call.body()).contains("\"temperature\": 1.0") && text(call.body()).contains("\"max_tokens\": 1e3"));
    }

    @Test
    void nonStrictRedirectPassesUnknownModels() {
        byte[] body = bytes("openai/chat-request.json");
        assertSame(body, openAi.prepare("https://h", post("/", body), body, "k", rules(false, "other", "x")).body());
    }

    @Test
    void strictRedirectRejectsUnknownModelsButNotBodiesWithoutOne() {
        byte[] body = bytes("openai/chat-request.json");
        ModelRedirect strict = rules(true, "gpt-4", "gpt-4o");
        ModelNotAllowedException e = assertThrows(ModelNotAllowedException.class,
                () -> openAi.prepare("https://h", post("/", body), body, "k", strict));
        assertEquals("model 'gpt-4o-mini' is not configured in redirect rules", e.getMessage());
        byte[] noModel = b("{\"input\":\"hi\"}");
        assertSame(noModel, responses.prepare("https://h", post("/", noModel), noModel, "k", strict).body());
        byte[] text = b("model=gpt-4o-mini");
        assertSame(text, openAi.prepare("https://h", post("/", text), text, "k", strict).body());
        byte[] empty = new byte[0];
        assertSame(empty, openAi.prepare("https://h", post("/", empty), empty, "k", strict).body());
        assertSame(body, openAi.prepare("https://h", post("/", body), body, "k", rules(true)).body());
    }

    @Test
    void validationProbes() {
        UpstreamCall chat = openAi.validationProbe("https://h/", "", "gpt-4o-mini", "sk-1");
        assertEquals("https://h/v1/chat/completions", chat.uri().toString());
        assertEquals("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", text(chat.body()));
        assertEquals("Bearer sk-1", chat.header("authorization"));
        assertEquals("application/json", chat.header("Content-Type"));

        UpstreamCall custom = openAi.validationProbe("https://h", "/openai/deployments/x/chat/completions?api-version=2024-10-21", "m\"q", "k");
        assertEquals("https://h/openai/deployments/x/chat/completions?api-version=2024-10-21", custom.uri().toString());
        assertEquals("m\"q", json(custom.body()).getString("model"));

        UpstreamCall resp = responses.validationProbe("https://h", "", "gpt-4.1", "k");
        assertEquals("https://h/v1/responses", resp.uri().toString());
        assertEquals("{\"model\":\"gpt-4.1\",\"input\":\"hi\"}", text(resp.body()));
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /v1/models, true",
        "GET, /v1beta/models, true",
        "GET, /v1beta/openai/v1/models, true",
        "GET, /v1beta/openai/v1/models/gpt, true",
        "GET, /v1/models/gpt-4o, false",
        "GET, /v1/models/, false",
        "POST, /v1/models, false",
        "GET, /v1/chat/completions, false"
    })
    void modelListPaths(String method, String path, boolean expected) {
        for (ChannelType t : ChannelType.values()) {
            assertEquals(expected, ChannelAdapters.of(t).isModelListRequest(method, path), t.id());
        }
    }

    @Test
    void strictModelListHasOnlyRuleKeysInRuleOrder() {
        byte[] out = openAi.rewriteModelList(bytes("openai/model-list.json"), "", rules(true, "zeta", "gpt-4o", "alpha", "gpt-4o-mini"));
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"zeta\",\"object\":\"model\",\"created\":0,\"owned_by\":\"system\"},"
                + "{\"id\":\"alpha\",\"object\":\"model\",\"created\":0,\"owned_by\":\"system\"}]}", text(out));
    }

    @Test
    void nonStrictModelListAppendsMissingRuleKeys() {
        JsonObject out = json(responses.rewriteModelList(bytes("openai/model-list.json"), "", rules(false, "gpt-4o", "x", "my-alias", "gpt-4o")));
        JsonArray data = out.getJsonArray("data");
        assertEquals(List.of("gpt-4o-mini", "gpt-4o", "my-alias"), data.stream().map(v -> v.asJsonObject().getString("id")).toList());
        assertEquals(1721172741, data.getJsonObject(0).getInt("created"));
        assertEquals("list", out.getString("object"));
    }

    @Test
    void modelListWithoutRulesIsUntouchedAndGarbageIsRejected() {
        byte[] body = bytes("openai/model-list.json");
        assertSame(body, openAi.rewriteModelList(body, "", ModelRedirect.NONE));
        assertThrows(IllegalArgumentException.class, () -> openAi.rewriteModelList(b("<html>"), "", rules(true, "a", "b")));
        assertThrows(IllegalArgumentException.class, () -> openAi.rewriteModelList(b("[1]"), "", rules(true, "a", "b")));
        assertEquals("{\"object\":\"list\"}", text(openAi.rewriteModelList(b("{\"object\":\"list\"}"), "", rules(true, "a", "b"))));
    }

    @Test
    void upstreamErrorFixtureParses() {
        String message = ErrorMessages.parse(bytes("openai/error.json"));
        assertTrue(message.startsWith("Incorrect API key provided"));
        assertNull(openAi.validationProbe("https://h", "", "m", "k").header("x-api-key"));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
