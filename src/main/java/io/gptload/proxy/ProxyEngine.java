package io.gptload.proxy;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.KeyHealth;
import io.gptload.keypool.KeyPool;
import io.gptload.settings.EffectiveSettings;
import io.gptload.shared.ClientIp;
import io.gptload.shared.config.GatewayConfig;
import io.gptload.upstream.ClientProfile;
import io.gptload.upstream.UpstreamClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/** The collaborators of every {@link ProxyExchange}, resolved once. */
@ApplicationScoped
public class ProxyEngine {

    private static final Logger LOG = Logger.getLogger("io.gptload.proxy");

    private GroupCatalog catalog;
    private KeyPool keyPool;
    private KeyHealth keyHealth;
    private UpstreamClients clients;
    private Event<ProxyCompleted> events;
    private GatewayConfig config;
    private ConcurrencyLimiter limiter;
    private ClientIp clientIp;
    private ProxyMetrics metrics;

    protected ProxyEngine() {
        // for CDI proxies
    }

    @Inject
    public ProxyEngine(GroupCatalog catalog, KeyPool keyPool, KeyHealth keyHealth, UpstreamClients clients,
                       Event<ProxyCompleted> events, GatewayConfig config, ProxyMetrics metrics) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.keyPool = Objects.requireNonNull(keyPool, "keyPool");
        this.keyHealth = Objects.requireNonNull(keyHealth, "keyHealth");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.events = Objects.requireNonNull(events, "events");
        this.config = Objects.requireNonNull(config, "config");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.limiter = new ConcurrencyLimiter(config.proxy().maxConcurrentRequests());
        this.clientIp = new ClientIp(config.proxy().trustedProxies());
        ClientAbortLogFilter.install();
    }

    /**
     * This engine with its application-scoped collaborators resolved past their client proxies
     * ({@link DirectBeans}); {@link ProxyGate} calls it once and keeps the result. Calling it again
     * changes nothing (an instance is returned as it is). The fields are plain on purpose: a thread
     * that reads one without going through {@link ProxyGate}'s volatile engine sees the proxy or
     * the instance, and either is correct, the proxy only slower.
     */
    ProxyEngine direct() {
        catalog = DirectBeans.of(catalog, GroupCatalog.class);
        keyPool = DirectBeans.of(keyPool, KeyPool.class);
        keyHealth = DirectBeans.of(keyHealth, KeyHealth.class);
        clients = DirectBeans.of(clients, UpstreamClients.class);
        metrics = DirectBeans.of(metrics, ProxyMetrics.class);
        return this;
    }

    GroupCatalog catalog() {
        return catalog;
    }

    KeyPool keyPool() {
        return keyPool;
    }

    KeyHealth keyHealth() {
        return keyHealth;
    }

    UpstreamClients clients() {
        return clients;
    }

    Event<ProxyCompleted> events() {
        return events;
    }

    ProxyMetrics metrics() {
        return metrics;
    }

    ConcurrencyLimiter limiter() {
        return limiter;
    }

    ClientIp clientIp() {
        return clientIp;
    }

    long maxBodyBytes() {
        return config.proxy().maxRequestBodyBytes();
    }

    Logger logger() {
        return LOG;
    }

    /** SERVER_WRITE_TIMEOUT caps every response, streams included (spec §2.7). */
    Duration streamCap() {
        return config.server().writeTimeout();
    }

    ClientProfile profile(EffectiveSettings s) {
        return new ClientProfile(Duration.ofSeconds(s.connectTimeout()), s.proxyUrl(),
                Duration.ofSeconds(s.idleConnTimeout()), s.maxIdleConnsPerHost());
    }

    /** Aggregate groups: a member with active keys, by smooth weighted round-robin (spec §2.5). */
    Optional<GroupSnapshot> chooseMember(GroupSnapshot aggregate) {
        if (aggregate.memberChooser() == null) {
            return Optional.empty();
        }
        return aggregate.memberChooser().next(keyPool::hasActive).flatMap(catalog::byId);
    }
}
