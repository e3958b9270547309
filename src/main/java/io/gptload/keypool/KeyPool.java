package io.gptload.keypool;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot path's view of every group's active keys. {@link #next(long)} does no I/O and takes no
 * lock; admin changes replace a group's {@link KeyRing} atomically.
 */
@ApplicationScoped
public class KeyPool {

    private final Map<Long, KeyRing> rings = new ConcurrentHashMap<>();

    /** The next active key of the group in rotation, empty when it has none. */
    public Optional<PooledKey> next(long groupId) {
        KeyRing ring = rings.get(groupId);
        return Optional.ofNullable(ring == null ? null : ring.next());
    }

    public boolean hasActive(long groupId) {
        KeyRing ring = rings.get(groupId);
        return ring != null && ring.size() > 0;
    }

    public int activeCount(long groupId) {
        KeyRing ring = rings.get(groupId);
        return ring == null ? 0 : ring.size();
    }

    /** Whether the key is in the group's rotation, i.e. active. */
    public boolean contains(long groupId, long keyId) {
        KeyRing ring = rings.get(groupId);
        return ring != null && ring.contains(keyId);
    }

    /** Replaces the whole active set of a group (load, bulk change). */
    public void replace(long groupId, List<PooledKey> active) {
        rings.compute(groupId, (id, old) -> old == null ? KeyRing.of(active) : old.replacedBy(active));
    }

    public void add(long groupId, List<PooledKey> keys) {
        rings.compute(groupId, (id, old) -> old == null ? KeyRing.of(keys) : old.with(keys));
    }

    /** Takes a key out of rotation (blacklisted or deleted); true when it was there. */
    public boolean remove(long groupId, long keyId) {
        boolean[] removed = {false};
        rings.computeIfPresent(groupId, (id, old) -> {
            KeyRing r = old.without(keyId);
            removed[0] = r != old;
            return r;
        });
        return removed[0];
    }

    /** Takes many keys of one group out of rotation in one swap (bulk delete). */
    public void removeAll(long groupId, Collection<Long> keyIds) {
        if (!keyIds.isEmpty()) {
            rings.computeIfPresent(groupId, (id, old) -> old.without(keyIds));
        }
    }

    public void dropGroup(long groupId) {
        rings.remove(groupId);
    }
}
