package io.gptload.cluster;

import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.config.OutboundTls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.net.ssl.SSLParameters;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;

/**
 * The node's Redis connections when {@code REDIS_DSN} is set: a small pool for commands and, on
 * demand, a dedicated connection for the pub/sub subscription. Every key and channel is prefixed
 * {@code gpt-load:} as in gpt-load. Redis is never called on the proxy path. With
 * {@code rediss://} the server's certificate is checked against {@link OutboundTls}'s trust store
 * and must name the host.
 */
@ApplicationScoped
public class RedisConnection {

    /** The prefix of every key and channel, as gpt-load's. */
    public static final String PREFIX = "gpt-load:";
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());
    private static final int TIMEOUT_MS = 2000;

    private final String nodeId = UUID.randomUUID().toString();
    private GatewayConfig config;
    private OutboundTls tls;
    private RedisDsn dsn;
    private JedisClientConfig clientConfig;
    private JedisPool pool;

    protected RedisConnection() {
        // for CDI proxies
    }

    @Inject
    public RedisConnection(GatewayConfig config, OutboundTls tls) {
        this.config = Objects.requireNonNull(config, "config");
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    @PostConstruct
    void open() {
        String raw = config.storage().redisDsn();
        if (raw == null || raw.isBlank()) {
            return;
        }
        dsn = RedisDsn.parse(raw);
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MS).socketTimeoutMillis(TIMEOUT_MS)
                .database(dsn.database()).ssl(dsn.tls()).clientName("gpt-load-j");
        if (dsn.tls()) { // the outbound trust store, and the certificate must name the host
            SSLParameters checkHost = new SSLParameters();
            checkHost.setEndpointIdentificationAlgorithm("HTTPS"); // Jedis 8's default, made explicit
            b.sslSocketFactory(tls.context().getSocketFactory()).sslParameters(checkHost);
        }
        if (!dsn.user().isEmpty()) {
            b.user(dsn.user());
        }
        if (!dsn.password().isEmpty()) {
            b.password(dsn.password());
        }
        clientConfig = b.build();
        GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(16);
        poolConfig.setMaxIdle(4);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(java.time.Duration.ofMillis(TIMEOUT_MS));
        poolConfig.setTestOnBorrow(false);
        poolConfig.setJmxEnabled(false);
        pool = new JedisPool(poolConfig, new HostAndPort(dsn.host(), dsn.port()), clientConfig);
        LOG.info("cluster mode: Redis at " + dsn + ", node " + nodeId);
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** Whether {@code REDIS_DSN} is set. */
    public boolean enabled() {
        return pool != null;
    }

    /** This process's id in the cluster (random per start). */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Runs one unit of work on a pooled connection.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached
     */
    public <T> T call(Function<Jedis, T> work) {
        try (Jedis j = pool.getResource()) {
            return work.apply(j);
        }
    }

    /** A new connection of its own, for a blocking subscription; the caller closes it. */
    public Jedis dedicated() {
        Jedis j = new Jedis(new HostAndPort(dsn.host(), dsn.port()), DefaultJedisClientConfig.builder()
                .from(clientConfig).socketTimeoutMillis(0).build());
        j.ping();
        return j;
    }

    /** True when Redis answers PING now (for readiness). */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(call(Jedis::ping));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The DSN without its password, for messages. */
    public String describe() {
        return dsn == null ? "none" : dsn.toString();
    }
}
