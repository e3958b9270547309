package io.gptload.channel;

import static io.gptload.channel.Fixtures.bytes;
import static io.gptload.channel.Fixtures.json;
import static io.gptload.channel.Fixtures.post;
import static io.gptload.channel.Fixtures.request;
import static io.gptload.channel.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.ErrorMessages;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnthropicAdapterTest {

    private final ChannelAdapter anthropic = ChannelAdapters.of(ChannelType.ANTHROPIC);

    @Test
    void identityAndStreams() {
        assertEquals(ChannelType.ANTHROPIC, anthropic.type());
        assertEquals("/v1/messages", anthropic.defaultValidationEndpoint());
        assertTrue(anthropic.isStream(post("/v1/messages", bytes("anthropic/stream-request.json"))));
        assertFalse(anthropic.isStream(post("/v1/messages", bytes("anthropic/messages-request.json"))));
    }

    @Test
    void prepareSetsKeyAndVersion() {
        byte[] body = bytes("anthropic/messages-request.json");
        ClientRequest r = request("POST", "/v1/messages", "beta=true", Map.of("anthropic-version", "2024-01-01"), body);
        UpstreamCall call = anthropic.prepare("https://api.anthropic.com", r, body, "sk-ant-real", ModelRedirect.NONE);
        assertEquals("https://api.anthropic.com/v1/messages?beta=true", call.uri().toString());
        assertEquals(List.of(Map.entry("x-api-key", "sk-ant-real"), Map.entry("anthropic-version", "2023-06-01")), call.headers());
        assertEquals("claude-3-5-haiku-latest", anthropic.requestedModel(r, body));
    }

    @Test
    void redirectKeepsEscapesAndNumbers() {
        byte[] body = bytes("anthropic/messages-request.json");
        UpstreamCall call = anthropic.prepare("https://h", post("/v1/messages", body), body, "k",
                new ModelRedirect(Map.of("claude-3-5-haiku-latest", "claude-3-5-haiku-20241022"), true));
        assertEquals(text(body).replace("claude-3-5-haiku-latest", "claude-3-5-haiku-20241022"), text(call.body()));
        assertTrue(text(call.body()).contains("\\u00e9t\\u00e9") && text(call.body()).contains("0.70"));
        assertThrows(ModelNotAllowedException.class, () -> anthropic.prepare("https://h", post("/v1/messages", body), body, "k",
                new ModelRedirect(Map.of("claude-opus-4", "x"), true)));
    }

    @Test
    void validationProbe() {
        UpstreamCall probe = anthropic.validationProbe("https://api.anthropic.com/", " ", "claude-3-haiku-20240307", "sk-ant");
        assertEquals("https://api.anthropic.com/v1/messages", probe.uri().toString());
        assertEquals("{\"model\":\"claude-3-haiku-20240307\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                text(probe.body()));
        assertEquals("sk-ant", probe.header("X-Api-Key"));
        assertEquals("2023-06-01", probe.header("anthropic-version"));
        assertEquals("application/json", probe.header("content-type"));
    }

    @Test
    void modelListIsOpenAiShaped() {
        byte[] list = bytes("anthropic/model-list.json");
        JsonObject merged = json(anthropic.rewriteModelList(list, "", new ModelRedirect(Map.of("claude-haiku", "claude-3-5-haiku-20241022"), false)));
        assertEquals(List.of("claude-3-5-haiku-20241022", "claude-sonnet-4-20250514", "claude-haiku"),
                merged.getJsonArray("data").stream().map(v -> v.asJsonObject().getString("id")).toList());
        assertEquals("Claude Haiku 3.5", merged.getJsonArray("data").getJsonObject(0).getString("display_name"));
        assertFalse(merged.getBoolean("has_more"));
        JsonObject strict = json(anthropic.rewriteModelList(list, "", new ModelRedirect(Map.of("claude-haiku", "x"), true)));
        assertEquals(1, strict.getJsonArray("data").size());
        JsonObject added = strict.getJsonArray("data").getJsonObject(0);
        assertEquals("system", added.getString("owned_by"), "gpt-load's fields stay");
        assertEquals("model", added.getString("type"), "and Anthropic's are there for its SDK");
        assertEquals("claude-haiku", added.getString("display_name"));
        assertEquals("1970-01-01T00:00:00Z", added.getString("created_at"));
    }

    @Test
    void errorFixtureAndGeneratedError() {
        assertEquals("Overloaded", ErrorMessages.parse(bytes("anthropic/error.json")));
        JsonObject generated = json(anthropic.errorBody(429, "TOO_MANY_REQUESTS", "Too many concurrent requests"));
        JsonObject upstream = json(bytes("anthropic/error.json"));
        assertEquals(upstream.getString("type"), generated.getString("type"));
        assertEquals("rate_limit_error", generated.getJsonObject("error").getString("type"));
        assertEquals("Too many concurrent requests", ErrorMessages.parse(anthropic.errorBody(429, "X", "Too many concurrent requests")));
    }
}
