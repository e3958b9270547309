package io.gptload.group;

import java.util.Objects;

/** A member of an aggregate as the API lists it: the standard group, its weight and its key counts. */
public record SubGroupMember(GroupDefinition group, int weight, KeyCounts keys) {

    public SubGroupMember {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(keys, "keys");
    }
}
