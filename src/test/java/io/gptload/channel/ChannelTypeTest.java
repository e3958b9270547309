package io.gptload.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelTypeTest {

    @Test
    void idsRoundTrip() {
        for (ChannelType t : ChannelType.values()) {
            assertEquals(Optional.of(t), ChannelType.fromId(t.id()));
        }
        assertEquals("openai-response", ChannelType.OPENAI_RESPONSE.id());
        assertEquals(Optional.empty(), ChannelType.fromId("OpenAI"));
        assertEquals(Optional.empty(), ChannelType.fromId(null));
    }

    @ParameterizedTest
    @CsvSource({
        "/v1beta/models/gemini-pro:generateContent, GEMINI",
        "/v1beta/openai/chat/completions, GEMINI",
        "/v1beta, GEMINI",
        "/v1messages, OPENAI",
        "/v1/messages, ANTHROPIC",
        "/v1/messages/count_tokens, ANTHROPIC",
        "/v1/chat/completions, OPENAI",
        "/v1betax/models, OPENAI",
        "/, OPENAI"
    })
    void guessesTheCallersFormatFromThePath(String path, ChannelType expected) {
        assertEquals(expected, ChannelType.guessFromPath(path));
    }
}
