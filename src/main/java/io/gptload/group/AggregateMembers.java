package io.gptload.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changing one membership of an aggregate (its weight, or removing it) and listing the aggregates a
 * group belongs to. Every change fires {@link GroupsChanged}, so routing follows after commit.
 */
@ApplicationScoped
public class AggregateMembers {

    private GroupRepository repository;
    private Event<GroupsChanged> changed;

    protected AggregateMembers() {
        // for CDI proxies
    }

    @Inject
    public AggregateMembers(GroupRepository repository, Event<GroupsChanged> changed) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * Sets a member's weight (0–1000; 0 stops routing to it).
     *
     * @throws GroupException NOT_FOUND / NOT_AGGREGATE for the aggregate, NOT_A_MEMBER for the member
     * @throws io.gptload.shared.ValidationException for a weight outside 0–1000
     */
    @Transactional
    public void setWeight(long aggregateId, long subGroupId, int weight) {
        repository.requireAggregate(aggregateId);
        if (weight < 0 || weight > SubGroupRequest.MAX_WEIGHT) {
            throw GroupMessage.WEIGHT_RANGE.exception("weight");
        }
        GroupSubGroupEntity link = repository.link(aggregateId, subGroupId).orElseThrow(GroupException::notAMember);
        link.setWeight(weight);
        link.setUpdatedAt(LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS));
        repository.flush("");
        changed.fire(new GroupsChanged(aggregateId));
    }

    /**
     * Removes a member from an aggregate.
     *
     * @throws GroupException NOT_FOUND / NOT_AGGREGATE for the aggregate, NOT_A_MEMBER for the member
     */
    @Transactional
    public void remove(long aggregateId, long subGroupId) {
        repository.requireAggregate(aggregateId);
        GroupSubGroupEntity link = repository.link(aggregateId, subGroupId).orElseThrow(GroupException::notAMember);
        repository.remove(link);
        repository.flush("");
        changed.fire(new GroupsChanged(aggregateId));
    }

    /**
     * The {@code weight} of a {@code PUT …/sub-groups/{subGroupId}/weight} body; absent or null is 0, as
     * gpt-load's binding reads it.
     *
     * @throws io.gptload.shared.ValidationException when it is not an integer in 0–1000
     */
    public static int weightFrom(JsonObject body) {
        JsonValue v = Objects.requireNonNull(body, "body").get("weight");
        if (JsonFields.isNull(v)) {
            return 0;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() < 0
                || n.bigIntegerValue().compareTo(BigInteger.valueOf(SubGroupRequest.MAX_WEIGHT)) > 0) {
            throw GroupMessage.WEIGHT_RANGE.exception("weight");
        }
        return n.intValue();
    }

    /** The aggregates that have this group as a member, by aggregate id (empty for an unknown group, as in gpt-load). */
    @Transactional
    public List<ParentAggregate> parents(long subGroupId) {
        List<GroupSubGroupEntity> links = repository.parentLinks(subGroupId);
        Map<Long, GroupEntity> groups = new HashMap<>();
        repository.findAll(links.stream().map(GroupSubGroupEntity::getGroupId).toList())
                .forEach(g -> groups.put(g.getId(), g));
        return links.stream().filter(l -> groups.containsKey(l.getGroupId()))
                .map(l -> {
                    GroupEntity g = groups.get(l.getGroupId());
                    return new ParentAggregate(g.getId(), g.getName(), g.getDisplayName(), l.getWeight());
                }).toList();
    }
}
