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
 * dropped; the caller keeps its own copy. After a failed call Redis is left alone for
 * {@value #PAUSE_MS} ms, so a validation of many keys does not wait for an unreachable Redis once
 * per key.
 */
@ApplicationScoped
public class SharedKeyChecks {

    static final String PREFIX = RedisConnection.PREFIX + "key_check:";
    /** Seven days: a key not checked for that long has no recent check to show. */
    public static final long TTL_SECONDS = 7L * 24 * 3600;
    private static final int CHUNK = 500;
    static final long PAUSE_MS = 5000;
    private static final Logger LOG = Logger.getLogger(SharedKeyChecks.class.getName());

    private RedisConnection redis;
    private volatile long pausedUntil;

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

    /** Shared, and Redis not left alone after a recent failure. */
    private boolean usable() {
        return enabled() && System.currentTimeMillis() >= pausedUntil;
    }

    private void failed(String what, RuntimeException e) {
        pausedUntil = System.currentTimeMillis() + PAUSE_MS;
        LOG.fine(() -> what + ": " + e.getClass().getSimpleName());
    }

    /** Stores a key's last failed check; false when not shared or Redis is away. */
    public boolean put(long keyId, String value) {
        if (!usable()) {
            return false;
        }
        try {
            redis.call(j -> j.setex(PREFIX + keyId, TTL_SECONDS, value));
            return true;
        } catch (RuntimeException e) {
            failed("shared key check not stored", e);
            return false;
        }
    }

    /** Drops the keys' checks (a passed check, a restore, a deletion); false when not shared or Redis is away. */
    public boolean remove(Collection<Long> keyIds) {
        if (!usable()) {
            return false;
        }
        try {
            for (List<String> chunk : chunks(keyIds)) {
                redis.call(j -> j.del(chunk.toArray(String[]::new)));
            }
            return true;
        } catch (RuntimeException e) {
            failed("shared key checks not removed", e);
            return false;
        }
    }

    /**
     * The stored checks of these keys (keys without one are left out), or empty when not shared
     * or Redis is away.
     */
    public Optional<Map<Long, String>> get(Collection<Long> keyIds) {
        if (!usable()) {
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
            failed("shared key checks unavailable", e);
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
