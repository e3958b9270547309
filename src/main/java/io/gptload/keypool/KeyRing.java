package io.gptload.keypool;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active keys of one group as an immutable array and a shared cursor: {@link #next()} is one
 * atomic increment, no lock. A change (blacklist, restore, import) builds a new ring that keeps
 * the cursor, and the pool swaps it in.
 */
final class KeyRing {

    static final KeyRing EMPTY = new KeyRing(new PooledKey[0], new AtomicLong());

    private final PooledKey[] keys;
    private final AtomicLong cursor;

    private KeyRing(PooledKey[] keys, AtomicLong cursor) {
        this.keys = keys;
        this.cursor = cursor;
    }

    static KeyRing of(List<PooledKey> keys) {
        return new KeyRing(keys.toArray(PooledKey[]::new), new AtomicLong());
    }

    /** The next key in strict rotation, or null when the ring is empty. */
    PooledKey next() {
        PooledKey[] k = keys;
        if (k.length == 0) {
            return null;
        }
        return k[(int) Long.remainderUnsigned(cursor.getAndIncrement(), k.length)];
    }

    int size() {
        return keys.length;
    }

    boolean contains(long keyId) {
        for (PooledKey k : keys) {
            if (k.id() == keyId) {
                return true;
            }
        }
        return false;
    }

    KeyRing without(long keyId) {
        PooledKey[] kept = Arrays.stream(keys).filter(k -> k.id() != keyId).toArray(PooledKey[]::new);
        return kept.length == keys.length ? this : new KeyRing(kept, cursor);
    }

    /** Without all of {@code keyIds}: one pass, so bulk deletes stay linear. */
    KeyRing without(Collection<Long> keyIds) {
        Set<Long> gone = keyIds instanceof Set<Long> s ? s : new HashSet<>(keyIds);
        PooledKey[] kept = Arrays.stream(keys).filter(k -> !gone.contains(k.id())).toArray(PooledKey[]::new);
        return kept.length == keys.length ? this : new KeyRing(kept, cursor);
    }

    /** With {@code added} appended, skipping ids already present (linear in ring plus added size). */
    KeyRing with(List<PooledKey> added) {
        Set<Long> present = new HashSet<>(keys.length + added.size());
        for (PooledKey k : keys) {
            present.add(k.id());
        }
        PooledKey[] out = Arrays.copyOf(keys, keys.length + added.size());
        int i = keys.length;
        for (PooledKey k : added) {
            if (present.add(k.id())) {
                out[i++] = k;
            }
        }
        return new KeyRing(Arrays.copyOf(out, i), cursor);
    }

    KeyRing replacedBy(List<PooledKey> all) {
        return new KeyRing(all.toArray(PooledKey[]::new), cursor);
    }
}
