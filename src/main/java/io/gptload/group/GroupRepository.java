package io.gptload.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of {@code groups} and {@code group_sub_groups} (JPA), plus the few plain SQL statements
 * on {@code api_keys} a group needs (counts, cascade on delete). Runs in the caller's transaction.
 */
@ApplicationScoped
public class GroupRepository {

    /** MySQL/MariaDB vendor code of a duplicate unique key (SQLState 23000 is shared with other violations). */
    private static final int MYSQL_DUPLICATE = 1062;

    private EntityManager em;

    protected GroupRepository() {
        // for CDI proxies
    }

    @jakarta.inject.Inject
    public GroupRepository(EntityManager em) {
        this.em = java.util.Objects.requireNonNull(em, "em");
    }

    /** All groups, ordered {@code sort asc, id desc}. */
    public List<GroupEntity> findAll() {
        return em.createQuery("SELECT g FROM GroupEntity g ORDER BY g.sort ASC, g.id DESC", GroupEntity.class)
                .getResultList();
    }

    public Optional<GroupEntity> find(long id) {
        return Optional.ofNullable(em.find(GroupEntity.class, id));
    }

    public List<GroupEntity> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT g FROM GroupEntity g WHERE g.id IN :ids", GroupEntity.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Id, name and display name of every group, ordered {@code sort asc, id desc}. */
    public List<GroupName> names() {
        return em.createQuery("SELECT g.id, g.name, g.displayName FROM GroupEntity g ORDER BY g.sort ASC, g.id DESC",
                Object[].class).getResultList().stream()
                .map(r -> new GroupName(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** The group, else {@link GroupException} NOT_FOUND. */
    public GroupEntity require(long id) {
        return find(id).orElseThrow(GroupException::notFound);
    }

    /** The aggregate group, else {@link GroupException} NOT_FOUND or NOT_AGGREGATE. */
    public GroupEntity requireAggregate(long id) {
        GroupEntity e = require(id);
        if (!"aggregate".equals(e.getGroupType())) {
            throw GroupException.notAggregate();
        }
        return e;
    }

    /** One membership row, if the group is a member of the aggregate. */
    public Optional<GroupSubGroupEntity> link(long aggregateId, long subGroupId) {
        return em.createQuery("SELECT l FROM GroupSubGroupEntity l WHERE l.groupId = :g AND l.subGroupId = :s",
                GroupSubGroupEntity.class).setParameter("g", aggregateId).setParameter("s", subGroupId)
                .getResultStream().findFirst();
    }

    /** Memberships of one standard group in aggregates, by aggregate id. */
    public List<GroupSubGroupEntity> parentLinks(long subGroupId) {
        return em.createQuery("SELECT l FROM GroupSubGroupEntity l WHERE l.subGroupId = :id ORDER BY l.groupId",
                GroupSubGroupEntity.class).setParameter("id", subGroupId).getResultList();
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    /** Whether another group (id ≠ {@code exceptId}) has this name. */
    public boolean nameTaken(String name, long exceptId) {
        return em.createQuery("SELECT COUNT(g) FROM GroupEntity g WHERE g.name = :n AND g.id <> :id", Long.class)
                .setParameter("n", name).setParameter("id", exceptId).getSingleResult() > 0;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Writes pending changes; a unique-constraint violation becomes {@link GroupException} DUPLICATE_NAME. */
    public void flush(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw GroupException.duplicateName(name);
            }
            throw e;
        }
    }

    public List<GroupSubGroupEntity> links() {
        return em.createQuery("SELECT l FROM GroupSubGroupEntity l ORDER BY l.groupId, l.id", GroupSubGroupEntity.class)
                .getResultList();
    }

    /** Members of one aggregate, heaviest first. */
    public List<GroupSubGroupEntity> links(long aggregateId) {
        return em.createQuery("SELECT l FROM GroupSubGroupEntity l WHERE l.groupId = :id ORDER BY l.weight DESC, l.id",
                GroupSubGroupEntity.class).setParameter("id", aggregateId).getResultList();
    }

    /** How many aggregates have this group as a member. */
    public long countAggregatesUsing(long subGroupId) {
        return em.createQuery("SELECT COUNT(DISTINCT l.groupId) FROM GroupSubGroupEntity l WHERE l.subGroupId = :id",
                Long.class).setParameter("id", subGroupId).getSingleResult();
    }

    /** Deletes the group, its keys and every membership where it is the aggregate or the member. */
    /** Stores when the group's keys were last re-validated; false when the group no longer exists. */
    public boolean markValidated(long id, java.time.LocalDateTime at) {
        return em.createQuery("UPDATE GroupEntity g SET g.lastValidatedAt = :at WHERE g.id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate() > 0;
    }

    public void deleteCascade(GroupEntity group) {
        long id = group.getId();
        em.createQuery("DELETE FROM GroupSubGroupEntity l WHERE l.groupId = :id OR l.subGroupId = :id")
                .setParameter("id", id).executeUpdate();
        em.createNativeQuery("DELETE FROM api_keys WHERE group_id = ?").setParameter(1, id).executeUpdate();
        em.remove(group);
        em.flush();
    }

    /** Key counts by group (groups without keys are absent). */
    public Map<Long, KeyCounts> keyCounts(Collection<Long> groupIds) {
        Map<Long, long[]> raw = new HashMap<>();
        for (Long id : groupIds) {
            List<?> rows = em.createNativeQuery("SELECT status, COUNT(*) FROM api_keys WHERE group_id = ? GROUP BY status")
                    .setParameter(1, id).getResultList();
            for (Object row : rows) {
                Object[] cols = (Object[]) row;
                long n = ((Number) cols[1]).longValue();
                long[] c = raw.computeIfAbsent(id, k -> new long[2]);
                c[0] += n;
                if ("active".equals(cols[0])) {
                    c[1] += n;
                }
            }
        }
        Map<Long, KeyCounts> counts = new HashMap<>();
        raw.forEach((id, c) -> counts.put(id, new KeyCounts(c[0], c[1], c[0] - c[1])));
        return counts;
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || s.getErrorCode() == MYSQL_DUPLICATE)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
