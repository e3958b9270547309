package io.gptload.group;

import io.gptload.channel.ChannelType;
import io.gptload.settings.GroupConfigOverrides;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group as configured (one {@code groups} row, parsed), independent of JPA: what the API
 * renders and what {@link GroupCatalog} compiles into a {@link GroupSnapshot}.
 */
public record GroupDefinition(long id, String name, String displayName, String description, boolean aggregate,
                              List<Upstream> upstreams, ChannelType channelType, int sort, String testModel,
                              String validationEndpoint, Map<String, String> paramOverrides,
                              Map<String, String> modelRedirectRules, boolean modelRedirectStrict,
                              GroupConfigOverrides config, List<HeaderRule> headerRules, String proxyKeys,
                              LocalDateTime lastValidatedAt, LocalDateTime createdAt, LocalDateTime updatedAt) {

    public GroupDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(config, "config");
        upstreams = List.copyOf(upstreams);
        headerRules = List.copyOf(headerRules);
        displayName = displayName == null ? "" : displayName;
        description = description == null ? "" : description;
        testModel = testModel == null ? "" : testModel;
        validationEndpoint = validationEndpoint == null ? "" : validationEndpoint;
        proxyKeys = proxyKeys == null ? "" : proxyKeys;
    }

    /** The group's own proxy keys, split on commas and trimmed. */
    public List<String> proxyKeyList() {
        return java.util.Arrays.stream(proxyKeys.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "GroupDefinition[id=" + id + ", name=" + name + ", channel=" + channelType.id() + "]";
    }
}
