package io.gptload.group;

import io.gptload.channel.ChannelAdapter;
import io.gptload.channel.ChannelType;
import io.gptload.channel.ModelRedirect;
import io.gptload.settings.EffectiveSettings;
import io.gptload.settings.FailoverCodeMatcher;
import io.gptload.shared.SmoothWeightedRoundRobin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the hot path needs to know about one group, immutable. Built by
 * {@link GroupCatalog} whenever groups or settings change; never touched by I/O.
 *
 * @param upstreams     weighted upstream selector; null for aggregate groups
 * @param members       aggregate members (standard group ids with weight &gt; 0); empty otherwise
 * @param memberChooser weighted selector over {@code members}; null for standard groups
 * @param testModel     model of the key validation probe ("-" for aggregates)
 * @param validationEndpoint the group's validation path ("" = the channel's default)
 */
public record GroupSnapshot(long id, String name, boolean aggregate, ChannelType channelType,
                            ChannelAdapter adapter, SmoothWeightedRoundRobin<Upstream> upstreams,
                            EffectiveSettings settings, FailoverCodeMatcher failover, Set<String> proxyKeys,
                            Map<String, String> paramOverrides, ModelRedirect redirect,
                            List<HeaderRule> headerRules, List<Long> members,
                            SmoothWeightedRoundRobin<Long> memberChooser, String testModel,
                            String validationEndpoint) {

    public GroupSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(failover, "failover");
        proxyKeys = Set.copyOf(proxyKeys);
        paramOverrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paramOverrides));
        headerRules = List.copyOf(headerRules);
        members = List.copyOf(members);
        testModel = testModel == null ? "" : testModel;
        validationEndpoint = validationEndpoint == null ? "" : validationEndpoint;
    }
}
