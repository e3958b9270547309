package io.gptload.group;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules for adding members to an aggregate: members exist, are standard groups of the
 * aggregate's channel type, share one effective validation endpoint with each other and with the
 * existing members, and are not members yet.
 */
final class SubGroupRules {

    private static final String FIELD = "sub_groups";
    private final GroupRepository repository;

    SubGroupRules(GroupRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    void check(GroupEntity aggregate, List<SubGroupRequest> requests) {
        if (requests.isEmpty()) {
            throw GroupMessage.SUB_GROUPS_REQUIRED.exception(FIELD);
        }
        Map<Long, GroupDefinition> found = definitions(requests.stream().map(SubGroupRequest::groupId).toList());
        List<GroupSubGroupEntity> existing = repository.links(aggregate.getId());
        Set<Long> members = new HashSet<>();
        existing.forEach(l -> members.add(l.getSubGroupId()));
        String endpoint = existing.stream().min((a, b) -> Long.compare(a.getId(), b.getId()))
                .map(first -> definitions(List.of(first.getSubGroupId())).get(first.getSubGroupId()))
                .map(GroupValidator::effectiveValidationEndpoint).orElse(null);
        for (int i = 0; i < requests.size(); i++) {
            String field = FIELD + "[" + i + "]";
            long id = requests.get(i).groupId();
            GroupDefinition g = found.get(id);
            if (g == null) {
                throw GroupMessage.SUB_GROUP_NOT_FOUND.exception(field + ".group_id", id);
            }
            if (g.aggregate()) {
                throw GroupMessage.SUB_GROUP_IS_AGGREGATE.exception(field + ".group_id", id);
            }
            if (!g.channelType().id().equals(aggregate.getChannelType())) {
                throw GroupMessage.SUB_GROUP_CHANNEL_MISMATCH.exception(field + ".group_id", id, aggregate.getChannelType());
            }
            String own = GroupValidator.effectiveValidationEndpoint(g);
            if (endpoint == null) {
                endpoint = own;
            } else if (!endpoint.equals(own)) {
                throw GroupMessage.SUB_GROUP_ENDPOINT_MISMATCH.exception(field + ".group_id", id,
                        endpoint.isEmpty() ? "\"\"" : endpoint);
            }
            if (!members.add(id)) {
                throw GroupMessage.SUB_GROUP_EXISTS.exception(field + ".group_id", id);
            }
        }
    }

    /** Definitions of the given groups that exist (and have a known channel type), by id. */
    Map<Long, GroupDefinition> definitions(List<Long> ids) {
        Map<Long, GroupDefinition> byId = new LinkedHashMap<>();
        for (GroupEntity e : repository.findAll(new HashSet<>(ids))) {
            GroupDefinition d = StoredGroups.toDefinition(e);
            if (d != null) {
                byId.put(d.id(), d);
            }
        }
        return byId;
    }
}
