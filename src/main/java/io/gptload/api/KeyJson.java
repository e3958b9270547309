package io.gptload.api;

import io.gptload.keypool.StoredKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The APIKey shape of spec §3.2. */
final class KeyJson {

    private KeyJson() {
    }

    static JsonObject of(StoredKey k, String displayValue) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", k.id())
                .add("key_value", displayValue)
                .add("key_hash", k.keyHash() == null ? "" : k.keyHash())
                .add("group_id", k.groupId())
                .add("status", k.status())
                .add("notes", k.notes())
                .add("request_count", k.requestCount())
                .add("failure_count", k.failureCount());
        ApiTimes.add(b, "last_used_at", k.lastUsedAt());
        ApiTimes.add(b, "created_at", k.createdAt());
        ApiTimes.add(b, "updated_at", k.updatedAt());
        return b.build();
    }
}
