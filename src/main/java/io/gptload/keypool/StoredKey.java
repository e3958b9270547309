package io.gptload.keypool;

import java.time.LocalDateTime;

/** One {@code api_keys} row; {@code keyValue} as stored (encrypted when encryption is on). */
public record StoredKey(long id, String keyValue, String keyHash, long groupId, String status, String notes,
                        long requestCount, long failureCount, LocalDateTime lastUsedAt, LocalDateTime createdAt,
                        LocalDateTime updatedAt) {

    public static final String ACTIVE = "active";
    public static final String INVALID = "invalid";

    @Override
    public String toString() {
        return "StoredKey[id=" + id + ", group=" + groupId + ", status=" + status + "]";
    }
}
