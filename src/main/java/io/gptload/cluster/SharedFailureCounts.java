package io.gptload.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Consecutive-failure counts of the keys, shared by the nodes of a cluster in the Redis hash
 * {@code gpt-load:key_failures} (field: key id). Never called on a proxied request's own thread:
 * only from the key-state writer, after a counted failure or the first success after failures.
 * Without {@code REDIS_DSN}, or while Redis is away, every call answers "not shared" and the node
 * counts on its own.
 */
@ApplicationScoped
public class SharedFailureCounts {

    static final String HASH = RedisConnection.PREFIX + "key_failures";
    private static final Logger LOG = Logger.getLogger(SharedFailureCounts.class.getName());

    private RedisConnection redis;

    protected SharedFailureCounts() {
        // for CDI proxies
    }

    @Inject
    public SharedFailureCounts(RedisConnection redis) {
        this.redis = redis;
    }

    /** Whether counts are shared at all (cluster mode). */
    public boolean enabled() {
        return redis != null && redis.enabled();
    }

    /**
     * Adds {@code failures} to the key's shared count.
     *
     * @return the cluster-wide count after the addition, or empty when not shared or Redis is away
     */
    public OptionalLong add(long keyId, int failures) {
        if (!enabled()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(redis.call(j -> j.hincrBy(HASH, Long.toString(keyId), failures)));
        } catch (RuntimeException e) {
            LOG.fine(() -> "shared failure count unavailable: " + e.getClass().getSimpleName());
            return OptionalLong.empty();
        }
    }

    /** Back to zero everywhere (a success, a restore); true when Redis took it. */
    public boolean reset(long keyId) {
        if (!enabled()) {
            return false;
        }
        try {
            redis.call(j -> j.hdel(HASH, Long.toString(keyId)));
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "shared failure count not reset: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
