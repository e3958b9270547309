package io.gptload.group;

import static io.gptload.group.TestJson.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import org.junit.jupiter.api.Test;

class GroupValidatorTest {

    @Test
    void namesAreTrimmedLowercaseTokens() {
        assertEquals("my-group_1", GroupValidator.name("  my-group_1 "));
        assertEquals("a".repeat(100), GroupValidator.name("a".repeat(100)));
        for (String bad : new String[] {null, "", "  ", "Upper", "has space", "dot.name", "a".repeat(101), "é"}) {
            rejects(() -> GroupValidator.name(bad), "name",
                    "name must be 1-100 characters of lowercase letters, digits, '_' or '-'");
        }
    }

    @Test
    void channelTypes() {
        assertEquals(ChannelType.OPENAI_RESPONSE, GroupValidator.channelType(" openai-response "));
        rejects(() -> GroupValidator.channelType("custom"), "channel_type",
                "channel_type must be one of: openai, openai-response, gemini, anthropic");
        rejects(() -> GroupValidator.channelType(null), "channel_type",
                "channel_type must be one of: openai, openai-response, gemini, anthropic");
    }

    @Test
    void groupTypes() {
        assertFalse(GroupValidator.aggregate(null));
        assertFalse(GroupValidator.aggregate(""));
        assertFalse(GroupValidator.aggregate("standard"));
        assertTrue(GroupValidator.aggregate(" aggregate "));
        rejects(() -> GroupValidator.aggregate("Aggregate"), "group_type", "group_type must be \"standard\" or \"aggregate\"");
    }

    @Test
    void testModelRequired() {
        assertEquals("gpt-4o", GroupValidator.testModel(" gpt-4o "));
        rejects(() -> GroupValidator.testModel("  "), "test_model", "test_model is required for a standard group");
    }

    @Test
    void validationEndpoints() {
        assertEquals("", GroupValidator.validationEndpoint(null));
        assertEquals("", GroupValidator.validationEndpoint("  "));
        assertEquals("/v1/chat/completions?x=1", GroupValidator.validationEndpoint(" /v1/chat/completions?x=1 "));
        for (String bad : new String[] {"v1/chat", "https://evil.example/v1", "/redirect?u=http://x"}) {
            rejects(() -> GroupValidator.validationEndpoint(bad), "validation_endpoint",
                    "validation_endpoint must be empty or a path starting with '/' (no scheme or host)");
        }
    }
}
