package io.gptload.keypool;

import io.gptload.shared.Secret;
import java.util.Objects;

/**
 * An active key as the hot path sees it: id, group, the decrypted value (masked in
 * {@code toString}), its hash and the value as stored (encrypted when encryption is on), which
 * is what request logs keep.
 */
public record PooledKey(long id, long groupId, Secret value, String hash, String storedValue) {

    public PooledKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(storedValue, "storedValue");
    }

    @Override
    public String toString() {
        return "PooledKey[id=" + id + ", group=" + groupId + ", value=" + value + "]";
    }
}
