package io.gptload.group;

import java.util.Objects;

/** A group's id, name and display name: all that {@code GET /api/groups/list} fills in. */
public record GroupName(long id, String name, String displayName) {

    public GroupName {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null ? "" : displayName;
    }
}
