package io.gptload.group;

import io.gptload.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The group use cases of the management API: create, partial update, delete (with keys and
 * memberships), list, find, aggregate members, and rebuilding the {@link GroupCatalog}. Every
 * change fires {@link GroupsChanged}; {@link CatalogRefresher} rebuilds the catalog after commit.
 */
@ApplicationScoped
public class GroupService {

    private GroupRepository repository;
    private GroupCatalog catalog;
    private SettingsService settings;
    private Event<GroupsChanged> changed;
    private SubGroupRules subGroupRules;

    protected GroupService() {
        // for CDI proxies
    }

    @Inject
    public GroupService(GroupRepository repository, GroupCatalog catalog, SettingsService settings,
                        Event<GroupsChanged> changed) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.subGroupRules = new SubGroupRules(repository);
    }

    @Transactional
    public GroupDefinition create(GroupRequest request) {
        GroupEntity e = GroupChanges.create(request, now());
        if (repository.nameTaken(e.getName(), -1)) {
            throw GroupException.duplicateName(e.getName());
        }
        repository.persist(e);
        repository.flush(e.getName());
        changed.fire(new GroupsChanged(e.getId()));
        return definition(e);
    }

    @Transactional
    public GroupDefinition update(long id, GroupRequest request) {
        GroupEntity e = entity(id);
        if (request.name() != null) {
            String name = GroupValidator.name(request.name());
            if (repository.nameTaken(name, id)) {
                throw GroupException.duplicateName(name);
            }
        }
        GroupChanges.update(e, request, () -> repository.countAggregatesUsing(id), now());
        repository.flush(e.getName());
        changed.fire(new GroupsChanged(id));
        return definition(e);
    }

    /** Deletes the group, all its keys and every membership where it is aggregate or member. */
    @Transactional
    public void delete(long id) {
        repository.deleteCascade(entity(id));
        changed.fire(new GroupsChanged(id));
    }

    /** All groups, ordered {@code sort asc, id desc}. */
    @Transactional
    public List<GroupDefinition> list() {
        return repository.findAll().stream().map(StoredGroups::toDefinition).filter(Objects::nonNull).toList();
    }

    /** Id, name and display name of every group (including any the catalog cannot serve), {@code sort asc, id desc}. */
    @Transactional
    public List<GroupName> names() {
        return repository.names();
    }

    /**
     * Sets the {@code sort} of several groups at once; all or nothing.
     *
     * @throws io.gptload.shared.ValidationException when a listed group does not exist
     */
    @Transactional
    public void reorder(List<GroupOrder> items) {
        Map<Long, GroupEntity> found = new HashMap<>();
        repository.findAll(items.stream().map(GroupOrder::id).toList()).forEach(e -> found.put(e.getId(), e));
        LocalDateTime now = now();
        for (int i = 0; i < items.size(); i++) {
            GroupEntity e = found.get(items.get(i).id());
            if (e == null) {
                throw GroupMessage.REORDER_GROUP_NOT_FOUND.exception("items[" + i + "].id", items.get(i).id());
            }
            e.setSort(items.get(i).sort());
            e.setUpdatedAt(now);
        }
        repository.flush("");
        changed.fire(new GroupsChanged(items.get(0).id()));
    }

    /** Moves a group {@code delta} places up (negative) or down in the list order; false when it does not exist. */
    @Transactional
    public boolean move(long id, int delta) {
        List<Long> ids = repository.names().stream().map(GroupName::id).toList();
        List<GroupOrder> orders = GroupOrder.afterMove(ids, id, delta);
        if (orders.isEmpty()) {
            return false;
        }
        reorder(orders);
        return true;
    }

    /** Key totals of a standard group; zeros for an aggregate (it has no keys of its own). */
    @Transactional
    public KeyCounts keyStats(long id) {
        GroupEntity e = entity(id);
        if ("aggregate".equals(e.getGroupType())) {
            return KeyCounts.NONE;
        }
        return repository.keyCounts(List.of(id)).getOrDefault(id, KeyCounts.NONE);
    }

    @Transactional
    public Optional<GroupDefinition> find(long id) {
        return repository.find(id).map(StoredGroups::toDefinition);
    }

    /** The members of an aggregate with weights and key counts. */
    @Transactional
    public List<SubGroupMember> subGroups(long aggregateId) {
        requireAggregate(aggregateId);
        List<GroupSubGroupEntity> links = repository.links(aggregateId);
        Map<Long, GroupDefinition> groups = subGroupRules.definitions(links.stream().map(GroupSubGroupEntity::getSubGroupId).toList());
        Map<Long, KeyCounts> counts = repository.keyCounts(groups.keySet());
        return links.stream().filter(l -> groups.containsKey(l.getSubGroupId()))
                .map(l -> new SubGroupMember(groups.get(l.getSubGroupId()), l.getWeight(),
                        counts.getOrDefault(l.getSubGroupId(), KeyCounts.NONE)))
                .toList();
    }

    /** Adds members to an aggregate after checking every rule of spec §3.3. */
    @Transactional
    public void addSubGroups(long aggregateId, List<SubGroupRequest> requests) {
        GroupEntity aggregate = requireAggregate(aggregateId);
        subGroupRules.check(aggregate, requests);
        LocalDateTime now = now();
        for (SubGroupRequest r : requests) {
            GroupSubGroupEntity link = new GroupSubGroupEntity();
            link.setGroupId(aggregateId);
            link.setSubGroupId(r.groupId());
            link.setWeight(r.weight());
            link.setCreatedAt(now);
            link.setUpdatedAt(now);
            repository.persist(link);
        }
        repository.flush(aggregate.getName());
        changed.fire(new GroupsChanged(aggregateId));
    }

    /**
     * Records a finished key re-validation ({@code last_validated_at}). The catalog does not carry
     * this column, so no {@link GroupsChanged} is fired.
     */
    @Transactional
    public boolean markValidated(long id, LocalDateTime at) {
        return repository.markValidated(id, at);
    }

    /** Loads every group and membership and publishes a new catalog with the current system settings. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refreshCatalog() {
        List<GroupDefinition> groups = repository.findAll().stream().map(StoredGroups::toDefinition)
                .filter(Objects::nonNull).toList();
        List<SubGroupLink> links = repository.links().stream()
                .map(l -> new SubGroupLink(l.getGroupId(), l.getSubGroupId(), l.getWeight())).toList();
        catalog.rebuild(groups, links, settings.current());
    }

    private GroupEntity entity(long id) {
        return repository.require(id);
    }

    private GroupEntity requireAggregate(long id) {
        return repository.requireAggregate(id);
    }

    private static GroupDefinition definition(GroupEntity e) {
        GroupDefinition d = StoredGroups.toDefinition(e);
        if (d == null) {
            throw new IllegalStateException("stored group " + e.getId() + " has an unknown channel type");
        }
        return d;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
