package io.gptload.admin;

import io.gptload.group.GroupName;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A line of the dashboard's "groups with invalid keys": a group with invalid keys (only standard
 * groups hold keys), linked to its key table filtered to them. Most invalid keys first, then by name.
 */
public record GroupAttention(long groupId, String label, long invalidKeys) {

    /** The groups of {@code groups} that have invalid keys by {@code invalidByGroup}. */
    static List<GroupAttention> of(List<GroupName> groups, Map<Long, Long> invalidByGroup) {
        return groups.stream()
                .filter(g -> invalidByGroup.getOrDefault(g.id(), 0L) > 0)
                .map(g -> new GroupAttention(g.id(), GroupLabel.of(g.name(), g.displayName()), invalidByGroup.get(g.id())))
                .sorted(Comparator.comparingLong(GroupAttention::invalidKeys).reversed()
                        .thenComparing(GroupAttention::label))
                .toList();
    }
}
