package io.gptload.cluster;

import io.gptload.shared.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Who runs a background job (key re-validation, log retention) in a cluster (DECISIONS 11): the
 * node that holds the job's lease in Redis ({@code gpt-load:lease:<job>}, value = node id, with a
 * time to live). The holder renews it on every tick; another node takes it once it has expired,
 * or at once when the holder stopped cleanly and gave it back. A slave ({@code IS_SLAVE=true})
 * never takes a lease; one node without Redis always holds it. When Redis cannot be reached no
 * node runs the job (it is not urgent), rather than two.
 */
@ApplicationScoped
public class JobLease {

    private static final Logger LOG = Logger.getLogger(JobLease.class.getName());
    private static final String ACQUIRE = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1"
            + " elseif redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1"
            + " else return 0 end";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " return redis.call('DEL', KEYS[1]) else return 0 end";

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private RedisConnection redis;
    private boolean slave;
    private volatile boolean stopped;

    protected JobLease() {
        // for CDI proxies
    }

    @Inject
    public JobLease(RedisConnection redis, GatewayConfig config) {
        this.redis = redis;
        this.slave = config.server().slave();
    }

    /** Takes or renews the lease of {@code job} for {@code ttl}; true when this node may run the job now. */
    public boolean hold(String job, Duration ttl) {
        if (slave || stopped) {
            return false;
        }
        if (!redis.enabled()) {
            return true;
        }
        boolean mine;
        try {
            Object r = redis.call(j -> j.eval(ACQUIRE, List.of(key(job)),
                    List.of(redis.nodeId(), Long.toString(Math.max(1000, ttl.toMillis())))));
            mine = Long.valueOf(1).equals(r);
        } catch (RuntimeException e) {
            mine = false;
        }
        if (mine && held.add(job)) {
            LOG.info("this node now runs the job '" + job + "' (cluster lease taken)");
        } else if (!mine && held.remove(job)) {
            LOG.info("this node no longer runs the job '" + job + "' (cluster lease lost)");
        }
        return mine;
    }

    /** The node is stopping: it takes no lease any more and gives back those it holds. */
    public void stop() {
        stopped = true;
        releaseAll();
    }

    /** Gives the held leases back, so another node takes the jobs over at its next tick. */
    @PreDestroy
    public void releaseAll() {
        if (!redis.enabled()) {
            return;
        }
        for (String job : held) {
            try {
                redis.call(j -> j.eval(RELEASE, List.of(key(job)), List.of(redis.nodeId())));
                LOG.info("cluster lease of job '" + job + "' given back");
            } catch (RuntimeException e) {
                // it expires by itself
            }
        }
        held.clear();
    }

    private static String key(String job) {
        return RedisConnection.PREFIX + "lease:" + job;
    }
}
