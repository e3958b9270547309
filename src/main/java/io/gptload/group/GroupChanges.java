package io.gptload.group;

import io.gptload.channel.ChannelType;
import io.gptload.settings.GroupConfigOverrides;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * gpt-load's create and partial-update semantics for a group row (spec §3.3), without storage:
 * every field is validated before it is written, and each rule names its field.
 */
public final class GroupChanges {

    private static final String AGGREGATE = "aggregate";

    private GroupChanges() {
    }

    /** A new, validated row for a create request (not yet persisted). */
    public static GroupEntity create(GroupRequest r, LocalDateTime now) {
        GroupEntity e = new GroupEntity();
        e.setName(GroupValidator.name(r.name()));
        e.setChannelType(GroupValidator.channelType(r.channelType()).id());
        boolean aggregate = GroupValidator.aggregate(r.groupType());
        e.setGroupType(aggregate ? AGGREGATE : "standard");
        if (aggregate) {
            e.setUpstreams("[]");
            e.setTestModel("-");
            e.setValidationEndpoint("");
        } else {
            e.setTestModel(GroupValidator.testModel(r.testModel()));
            e.setUpstreams(Upstreams.toJson(Upstreams.parse(r.upstreams())));
            e.setValidationEndpoint(GroupValidator.validationEndpoint(r.validationEndpoint()));
        }
        e.setConfig(config(r.config()));
        e.setHeaderRules(HeaderRules.toJson(HeaderRules.parse(r.headerRules())));
        e.setModelRedirectRules(redirectRules(r.modelRedirectRules(), aggregate));
        e.setParamOverrides(r.paramOverrides() == null ? null : ParamOverrides.toJson(ParamOverrides.parse(r.paramOverrides())));
        e.setDisplayName(GroupValidator.trimmed(r.displayName()));
        e.setDescription(GroupValidator.trimmed(r.description()));
        e.setSort(r.sort() == null ? 0 : r.sort());
        e.setModelRedirectStrict(Boolean.TRUE.equals(r.modelRedirectStrict()));
        e.setProxyKeys(GroupValidator.trimmed(r.proxyKeys()));
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        return e;
    }

    /**
     * Applies an update request to a row: pointer fields only when present, JSON fields replaced when
     * present, {@code test_model} only when non-empty, {@code group_type} ignored. An aggregate keeps its
     * channel type, upstreams, test model and validation endpoint.
     *
     * @param aggregatesUsing how many aggregates have this group as a member (asked only when needed)
     */
    public static void update(GroupEntity e, GroupRequest r, LongSupplier aggregatesUsing, LocalDateTime now) {
        boolean aggregate = AGGREGATE.equals(e.getGroupType());
        if (r.name() != null) {
            e.setName(GroupValidator.name(r.name()));
        }
        if (r.displayName() != null) {
            e.setDisplayName(r.displayName().strip());
        }
        if (r.description() != null) {
            e.setDescription(r.description().strip());
        }
        if (!aggregate) {
            updateStandardOnly(e, r, aggregatesUsing);
        }
        if (r.sort() != null) {
            e.setSort(r.sort());
        }
        if (r.paramOverrides() != null) {
            e.setParamOverrides(ParamOverrides.toJson(ParamOverrides.parse(r.paramOverrides())));
        }
        if (r.modelRedirectRules() != null) {
            e.setModelRedirectRules(redirectRules(r.modelRedirectRules(), aggregate));
        }
        if (r.modelRedirectStrict() != null) {
            e.setModelRedirectStrict(r.modelRedirectStrict());
        }
        if (r.config() != null) {
            e.setConfig(config(r.config()));
        }
        if (r.proxyKeys() != null) {
            e.setProxyKeys(r.proxyKeys().strip());
        }
        if (r.headerRules() != null) {
            e.setHeaderRules(HeaderRules.toJson(HeaderRules.parse(r.headerRules())));
        }
        e.setUpdatedAt(now);
    }

    /**
     * A new row with every column of {@code source} (as stored) except the id, the name, the display
     * name (gets " Copy" unless empty), the last validation time (none) and the timestamps.
     */
    public static GroupEntity copyOf(GroupEntity source, String name, LocalDateTime now) {
        GroupEntity e = new GroupEntity();
        e.setName(name);
        String display = source.getDisplayName() == null ? "" : source.getDisplayName();
        e.setDisplayName(display.isEmpty() ? display : display + " Copy");
        e.setDescription(source.getDescription());
        e.setGroupType(source.getGroupType());
        e.setUpstreams(source.getUpstreams());
        e.setValidationEndpoint(source.getValidationEndpoint());
        e.setChannelType(source.getChannelType());
        e.setSort(source.getSort());
        e.setTestModel(source.getTestModel());
        e.setParamOverrides(source.getParamOverrides());
        e.setConfig(source.getConfig());
        e.setHeaderRules(source.getHeaderRules());
        e.setModelRedirectRules(source.getModelRedirectRules());
        e.setModelRedirectStrict(source.isModelRedirectStrict());
        e.setProxyKeys(source.getProxyKeys());
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        return e;
    }

    private static void updateStandardOnly(GroupEntity e, GroupRequest r, LongSupplier aggregatesUsing) {
        if (r.upstreams() != null) {
            e.setUpstreams(Upstreams.toJson(Upstreams.parse(r.upstreams())));
        }
        ChannelType channel = r.channelType() == null ? null : GroupValidator.channelType(r.channelType());
        String endpoint = r.validationEndpoint() == null ? null : GroupValidator.validationEndpoint(r.validationEndpoint());
        boolean channelChanges = channel != null && !channel.id().equals(e.getChannelType());
        boolean endpointChanges = endpoint != null && !endpoint.equals(GroupValidator.trimmed(e.getValidationEndpoint()));
        if (channelChanges || endpointChanges) {
            long count = aggregatesUsing.getAsLong();
            if (count > 0) {
                throw GroupMessage.REFERENCED_BY_AGGREGATES.exception(channelChanges ? "channel_type" : "validation_endpoint",
                        count);
            }
        }
        if (channel != null) {
            e.setChannelType(channel.id());
        }
        if (endpoint != null) {
            e.setValidationEndpoint(endpoint);
        }
        String testModel = GroupValidator.trimmed(r.testModel());
        if (!testModel.isEmpty()) {
            e.setTestModel(testModel);
        }
    }

    private static String config(JsonValue value) {
        GroupConfigOverrides config = GroupConfigOverrides.parse(value);
        return config.isEmpty() ? null : config.toJson().toString();
    }

    private static String redirectRules(JsonValue value, boolean aggregate) {
        Map<String, String> rules = ModelRedirectRules.parse(value);
        if (aggregate && !rules.isEmpty()) {
            throw GroupMessage.AGGREGATE_NO_MODEL_REDIRECT.exception("model_redirect_rules");
        }
        return rules.isEmpty() ? null : ModelRedirectRules.toJson(rules).toString();
    }
}
