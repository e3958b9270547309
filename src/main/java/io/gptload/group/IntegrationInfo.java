package io.gptload.group;

import io.gptload.channel.ChannelType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * What an integrating client (New API) learns about one group (spec §1 row 39): an OpenAI or
 * OpenAI-Responses group whose validation endpoint is not its format's default is reported as
 * channel type {@code custom}, with that endpoint in its path.
 *
 * @param path {@code /proxy/{name}} (plus the endpoint for {@code custom}) in the full listing;
 *             "" (or the endpoint for {@code custom}) when asked on the group's own proxy path
 */
public record IntegrationInfo(String name, String displayName, String channelType, String path) {

    public static final String CUSTOM = "custom";

    public IntegrationInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(path, "path");
    }

    /** The entry for {@code g}; {@code onGroupPath} for the {@code /proxy/{group}/api/integration/info} form. */
    public static IntegrationInfo of(GroupDefinition g, boolean onGroupPath) {
        String type = effectiveChannelType(g.channelType(), g.validationEndpoint());
        String base = onGroupPath ? "" : "/proxy/" + g.name();
        String path = type.equals(CUSTOM) ? base + g.validationEndpoint() : base;
        return new IntegrationInfo(g.name(), g.displayName(), type, path);
    }

    /** The channel type reported: {@code custom} for an OpenAI-style group with a non-default validation endpoint. */
    public static String effectiveChannelType(ChannelType type, String validationEndpoint) {
        String defaultEndpoint = switch (type) {
            case OPENAI -> "/v1/chat/completions";
            case OPENAI_RESPONSE -> "/v1/responses";
            case GEMINI, ANTHROPIC -> null;
        };
        if (defaultEndpoint == null || validationEndpoint == null || validationEndpoint.isEmpty()
                || validationEndpoint.equals(defaultEndpoint)) {
            return type.id();
        }
        return CUSTOM;
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("name", name).add("display_name", displayName)
                .add("channel_type", channelType).add("path", path).build();
    }
}
