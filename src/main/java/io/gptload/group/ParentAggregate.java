package io.gptload.group;

import java.util.Objects;

/** An aggregate that has a given group as a member, with the member's weight there. */
public record ParentAggregate(long groupId, String name, String displayName, int weight) {

    public ParentAggregate {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null ? "" : displayName;
    }
}
