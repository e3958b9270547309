package io.gptload.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Duplicates a group row (spec §1 row 42): every column is copied, the name becomes the first free
 * {@link CopyNames} candidate and the display name gets " Copy". Memberships and keys are not
 * part of the row; keys are copied by the caller once this transaction has committed.
 */
@ApplicationScoped
public class GroupCopier {

    private GroupRepository repository;
    private Event<GroupsChanged> changed;

    protected GroupCopier() {
        // for CDI proxies
    }

    @Inject
    public GroupCopier(GroupRepository repository, Event<GroupsChanged> changed) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /**
     * Creates the copy of group {@code sourceId}.
     *
     * @throws GroupException NOT_FOUND for an unknown source, DUPLICATE_NAME when every candidate name is taken
     */
    @Transactional
    public GroupDefinition copy(long sourceId) {
        GroupEntity source = repository.require(sourceId);
        Set<String> taken = new HashSet<>();
        repository.names().forEach(n -> taken.add(n.name()));
        String name = CopyNames.next(source.getName(), taken);
        GroupEntity copy = GroupChanges.copyOf(source, name, LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS));
        repository.persist(copy);
        repository.flush(name);
        changed.fire(new GroupsChanged(copy.getId()));
        GroupDefinition d = StoredGroups.toDefinition(copy);
        if (d == null) {
            throw new IllegalStateException("group " + sourceId + " has an unknown channel type");
        }
        return d;
    }
}
