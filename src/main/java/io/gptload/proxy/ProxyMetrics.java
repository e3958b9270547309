package io.gptload.proxy;

import io.gptload.group.GroupCatalog;
import io.gptload.group.GroupSnapshot;
import io.gptload.keypool.InvalidKeyCounts;
import io.gptload.keypool.KeyPool;
import io.gptload.keypool.KeyStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The one door to the gateway's Prometheus metrics ({@code /metrics}, application scope; names in
 * {@link MetricNames}). Instruments are fetched from the registry once per group and cached, so
 * the proxy path pays a map lookup and an increment. Key gauges follow the group catalog: they
 * are registered for every key-holding group and removed with it; they read the key pool and the
 * cached invalid counts when scraped, never on the proxy path.
 */
@ApplicationScoped
public class ProxyMetrics {

    private static final Set<String> KEY_GAUGES = Set.of(MetricNames.KEYS_ACTIVE, MetricNames.KEYS_INVALID);

    private final Map<String, GroupMeters> meters = new ConcurrentHashMap<>();
    private final Map<String, Long> gaugedGroups = new HashMap<>();
    private final AtomicInteger openStreams = new AtomicInteger();
    private MetricRegistry registry;
    private GroupCatalog catalog;
    private KeyPool keyPool;
    private InvalidKeyCounts invalid;
    private Timer added;
    private final LatencyBuckets addedBuckets = new LatencyBuckets(LatencyBuckets.ADDED_BOUNDS);

    protected ProxyMetrics() {
        // for CDI proxies
    }

    @Inject
    public ProxyMetrics(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
                        GroupCatalog catalog, KeyPool keyPool, InvalidKeyCounts invalid) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.keyPool = Objects.requireNonNull(keyPool, "keyPool");
        this.invalid = Objects.requireNonNull(invalid, "invalid");
        this.added = registry.timer(MetricNames.metadata(MetricNames.ADDED_LATENCY));
        addedBuckets.register(registry, MetricNames.metadata(MetricNames.ADDED_BUCKETS));
        registry.gauge(MetricNames.metadata(MetricNames.OPEN_STREAMS), openStreams, AtomicInteger::get);
        catalog.afterRebuild(this::reconcile);
        reconcile();
    }

    /** Creates the bean at start-up, so the gauges exist before the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // constructing the bean did the work
    }

    /** The cached instruments of a group, by its name. */
    GroupMeters group(String name) {
        GroupMeters m = meters.get(name);
        return m != null ? m : meters.computeIfAbsent(name, n -> new GroupMeters(registry, n));
    }

    /** Gateway time of one request, upstream waits excluded. */
    void added(long nanos) {
        long n = Math.max(0, nanos);
        added.update(Duration.ofNanos(n));
        addedBuckets.observe(n);
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    int openStreams() {
        return openStreams.get();
    }

    void onKeyStatus(@Observes KeyStatusChanged event) {
        catalog.byId(event.groupId()).ifPresent(g -> {
            GroupMeters m = group(g.name());
            if (event.kind() == KeyStatusChanged.Kind.BLACKLISTED) {
                m.blacklisted(event.count());
            } else {
                m.restored(event.count());
            }
        });
    }

    /**
     * Brings the per-group metrics in line with the catalog: key gauges for every group that holds
     * keys, and nothing left of a group that was deleted or renamed.
     */
    synchronized void reconcile() {
        Map<String, Long> wanted = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (GroupSnapshot g : catalog.all()) {
            names.add(g.name());
            if (!g.aggregate()) {
                wanted.put(g.name(), g.id());
            }
        }
        gaugedGroups.entrySet().removeIf(e -> {
            boolean stale = !e.getValue().equals(wanted.get(e.getKey()));
            if (stale) {
                KEY_GAUGES.forEach(n -> registry.remove(new MetricID(n, groupTag(e.getKey()))));
            }
            return stale;
        });
        wanted.forEach((name, id) -> {
            if (gaugedGroups.putIfAbsent(name, id) == null) {
                registry.gauge(MetricNames.metadata(MetricNames.KEYS_ACTIVE), () -> keyPool.activeCount(id), groupTag(name));
                registry.gauge(MetricNames.metadata(MetricNames.KEYS_INVALID), () -> invalid.of(id), groupTag(name));
            }
        });
        meters.keySet().removeIf(name -> {
            if (names.contains(name)) {
                return false;
            }
            registry.removeMatching((id, metric) -> MetricNames.isPerGroup(id.getName())
                    && name.equals(id.getTags().get(MetricNames.GROUP)));
            return true;
        });
    }

    private static Tag groupTag(String name) {
        return new Tag(MetricNames.GROUP, name);
    }
}
