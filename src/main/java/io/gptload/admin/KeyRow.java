package io.gptload.admin;

import io.gptload.keypool.KeyCheckHistory.FailedCheck;
import io.gptload.keypool.StoredKey;
import io.gptload.shared.Secret;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One row of the console's key table: the key masked (its stored, possibly encrypted form stays
 * on the server), its hash (what the logs page filters by; not secret), its status, usage and notes,
 * and when and why its last check failed (both empty when it did not, or long ago).
 */
public record KeyRow(long id, String masked, String keyHash, String status, long requestCount, long failureCount,
                     String lastUsedAt, String createdAt, String notes, String checkFailedAt, String checkReason)
        implements Serializable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * The row of {@code key}, whose decrypted value is {@code plain} and last failed check
     * {@code check} (or null). A check from before the key was added is not its own (a database
     * that hands out a deleted key's id again) and is not shown.
     */
    static KeyRow of(StoredKey key, String plain, FailedCheck check) {
        if (check != null && key.createdAt() != null && check.atMillis() < key.createdAt()
                .atZone(ZoneId.systemDefault()).toInstant().minusSeconds(2).toEpochMilli()) {
            check = null;
        }
        return new KeyRow(key.id(), Secret.mask(plain), key.keyHash(), key.status(), key.requestCount(),
                key.failureCount(), time(key.lastUsedAt()), time(key.createdAt()),
                key.notes() == null ? "" : key.notes(),
                check == null ? "" : time(LocalDateTime.ofInstant(Instant.ofEpochMilli(check.atMillis()), ZoneId.systemDefault())),
                check == null ? "" : check.reason());
    }

    static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    public boolean isActive() {
        return StoredKey.ACTIVE.equals(status);
    }
}
