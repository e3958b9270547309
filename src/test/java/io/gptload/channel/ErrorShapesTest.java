package io.gptload.channel;

import static io.gptload.channel.Fixtures.json;
import static io.gptload.channel.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorShapesTest {

    private static final String TRICKY = "bad \"key\"\nline2\t\\ é 😀 \u0001";

    @Test
    void openAiShape() {
        assertEquals("{\"code\":\"NO_KEYS_AVAILABLE\",\"message\":\"No active API keys\","
                + "\"error\":{\"message\":\"No active API keys\",\"type\":\"server_error\",\"code\":\"no_keys_available\"}}",
                text(ChannelAdapters.of(ChannelType.OPENAI).errorBody(503, "NO_KEYS_AVAILABLE", "No active API keys")));
        assertEquals(text(ChannelAdapters.of(ChannelType.OPENAI).errorBody(401, "UNAUTHORIZED", "x")),
                text(ChannelAdapters.of(ChannelType.OPENAI_RESPONSE).errorBody(401, "UNAUTHORIZED", "x")));
    }

    @Test
    void anthropicShape() {
        assertEquals("{\"code\":\"BAD_REQUEST\",\"message\":\"m\",\"type\":\"error\","
                + "\"error\":{\"type\":\"invalid_request_error\",\"message\":\"m\"}}",
                text(ChannelAdapters.of(ChannelType.ANTHROPIC).errorBody(400, "BAD_REQUEST", "m")));
    }

    @Test
    void geminiShape() {
        assertEquals("{\"code\":\"UPSTREAM_TIMEOUT\",\"message\":\"m\","
                + "\"error\":{\"code\":504,\"message\":\"m\",\"status\":\"DEADLINE_EXCEEDED\"}}",
                text(ChannelAdapters.of(ChannelType.GEMINI).errorBody(504, "UPSTREAM_TIMEOUT", "m")));
    }

    @Test
    void messagesAreEscaped() {
        for (ChannelType t : ChannelType.values()) {
            byte[] body = ChannelAdapters.of(t).errorBody(400, "BAD_REQUEST", TRICKY);
            JsonObject o = json(body);
            assertEquals(TRICKY, o.getString("message"), t.id());
            assertEquals("BAD_REQUEST", o.getString("code"));
            assertEquals(TRICKY, o.getJsonObject("error").getString("message"), t.id());
        }
        assertEquals("{\"code\":\"C\",\"message\":\"a\\\"b\\nc\",\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"a\\\"b\\nc\"}}",
                text(ErrorShapes.anthropic(500, "C", "a\"b\nc")));
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, invalid_request_error, INVALID_ARGUMENT",
        "401, authentication_error, authentication_error, UNAUTHENTICATED",
        "403, permission_error, permission_error, PERMISSION_DENIED",
        "404, not_found_error, not_found_error, NOT_FOUND",
        "413, invalid_request_error, request_too_large, INVALID_ARGUMENT",
        "429, rate_limit_error, rate_limit_error, RESOURCE_EXHAUSTED",
        "499, invalid_request_error, invalid_request_error, INVALID_ARGUMENT",
        "500, server_error, api_error, INTERNAL",
        "502, server_error, api_error, UNAVAILABLE",
        "503, server_error, api_error, UNAVAILABLE",
        "504, server_error, api_error, DEADLINE_EXCEEDED"
    })
    void typesFollowTheStatus(int status, String openAi, String anthropic, String gemini) {
        assertEquals(openAi, json(ErrorShapes.openAi(status, "X", "m")).getJsonObject("error").getString("type"));
        assertEquals(anthropic, json(ErrorShapes.anthropic(status, "X", "m")).getJsonObject("error").getString("type"));
        JsonObject g = json(ErrorShapes.gemini(status, "X", "m")).getJsonObject("error");
        assertEquals(gemini, g.getString("status"));
        assertEquals(status, g.getInt("code"));
    }
}
