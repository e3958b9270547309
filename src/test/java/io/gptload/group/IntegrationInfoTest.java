package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.channel.ChannelType;
import io.gptload.settings.GroupConfigOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegrationInfoTest {

    private static GroupDefinition group(ChannelType type, String validationEndpoint) {
        return new GroupDefinition(1, "grp", "My Group", "", false, List.of(), type, 0, "m", validationEndpoint,
                Map.of(), Map.of(), false, GroupConfigOverrides.empty(), List.of(), "pk", null, null, null);
    }

    @Test
    void defaultEndpointsKeepTheChannelType() {
        assertEquals(new IntegrationInfo("grp", "My Group", "openai", "/proxy/grp"),
                IntegrationInfo.of(group(ChannelType.OPENAI, ""), false));
        assertEquals("openai", IntegrationInfo.of(group(ChannelType.OPENAI, "/v1/chat/completions"), false).channelType());
        assertEquals("openai-response", IntegrationInfo.of(group(ChannelType.OPENAI_RESPONSE, "/v1/responses"), false)
                .channelType());
        assertEquals(new IntegrationInfo("grp", "My Group", "openai", ""),
                IntegrationInfo.of(group(ChannelType.OPENAI, ""), true));
    }

    @Test
    void otherEndpointsOfOpenAiFormatsAreCustomWithTheEndpointInThePath() {
        assertEquals(new IntegrationInfo("grp", "My Group", "custom", "/proxy/grp/v2/chat"),
                IntegrationInfo.of(group(ChannelType.OPENAI, "/v2/chat"), false));
        assertEquals(new IntegrationInfo("grp", "My Group", "custom", "/v2/chat"),
                IntegrationInfo.of(group(ChannelType.OPENAI, "/v2/chat"), true));
        assertEquals("custom", IntegrationInfo.of(group(ChannelType.OPENAI_RESPONSE, "/v1/chat/completions"), false)
                .channelType());
    }

    @Test
    void geminiAndAnthropicAreNeverCustom() {
        assertEquals(new IntegrationInfo("grp", "My Group", "anthropic", "/proxy/grp"),
                IntegrationInfo.of(group(ChannelType.ANTHROPIC, "/v1/other"), false));
        assertEquals("gemini", IntegrationInfo.of(group(ChannelType.GEMINI, "/x"), true).channelType());
    }

    @Test
    void json() {
        assertEquals("{\"name\":\"grp\",\"display_name\":\"My Group\",\"channel_type\":\"custom\",\"path\":\"/x\"}",
                IntegrationInfo.of(group(ChannelType.OPENAI, "/x"), true).toJson().toString());
    }
}
