package io.gptload.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The last failed check of each key, shared by the nodes of a cluster: one Redis string per key,
 * {@code gpt-load:key_check:<key id>}, that expires on its own after {@link #TTL_SECONDS}. Only
 * validation (background, manual, key tests) and the console touch it, never a proxied request.
 * Without {@code REDIS_DSN}, or while Redis is away, reads answer "not shared" and writes are
 * dropped; the caller keeps its own copy.
 */
@ApplicationScoped
public class SharedKeyChecks {

    static final String PREFIX = RedisConnection.PREFIX + "key_check:";
    /** Seven days: a key not checked for that long has no recent check to show. */
    public static final long TTL_SECONDS = 7L * 24 * 3600;
    private static final int CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(SharedKeyChecks.class.getName());

    private RedisConnection redis;

    protected SharedKeyChecks() {
        // for CDI proxies
    }

    @Inject
    public SharedKeyChecks(RedisConnection redis) {
        this.redis = redis;
    }

    /** Whether checks are shared at all (cluster mode). */
    public boolean enabled() {
        return redis != null && redis.enabled();
    }

    /** Stores a key's last failed check; false when not shared or Redis is away. */
    public boolean put(long keyId, String value) {
        if (!enabled()) {
            return false;
        }
        try {
            redis.call(j -> j.setex(PREFIX + keyId, TTL_SECONDS, value));
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "shared key check not stored: " + e.getClass().getSimpleName());
            return false;
        }
    }

    /** Drops the keys' checks (a passed check, a restore, a deletion). */
    public void remove(Collection<Long> keyIds) {
        if (!enabled() || keyIds.isEmpty()) {
            return;
        }
        try {
            for (List<String> chunk : chunks(keyIds)) {
                redis.call(j -> j.del(chunk.toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "shared key checks not removed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The stored checks of these keys (keys without one are left out), or empty when not shared
     * or Redis is away.
     */
    public Optional<Map<Long, String>> get(Collection<Long> keyIds) {
        if (!enabled()) {
            return Optional.empty();
        }
        Map<Long, String> found = new HashMap<>();
        try {
            for (List<String> chunk : chunks(keyIds)) {
                List<String> values = redis.call(j -> j.mget(chunk.toArray(String[]::new)));
                for (int i = 0; i < chunk.size(); i++) {
                    if (values.get(i) != null) {
                        found.put(Long.parseLong(chunk.get(i).substring(PREFIX.length())), values.get(i));
                    }
                }
            }
            return Optional.of(found);
        } catch (RuntimeException e) {
            LOG.fine(() -> "shared key checks unavailable: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static List<List<String>> chunks(Collection<Long> keyIds) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (long id : keyIds) {
            current.add(PREFIX + id);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
