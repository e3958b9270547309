package io.gptload.proxy;

import static io.gptload.proxy.FakeRegistry.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.channel.ChannelType;
import io.gptload.group.GroupCatalog;
import io.gptload.settings.GroupConfigOverrides;
import io.gptload.group.GroupDefinition;
import io.gptload.group.Upstream;
import io.gptload.keypool.InvalidKeyCounts;
import io.gptload.keypool.KeyPool;
import io.gptload.keypool.KeyStatusChanged;
import io.gptload.keypool.PooledKey;
import io.gptload.settings.SystemSettings;
import io.gptload.shared.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class ProxyMetricsTest {

    private final FakeRegistry fake = new FakeRegistry();
    private final GroupCatalog catalog = new GroupCatalog();
    private final KeyPool pool = new KeyPool();
    private final InvalidKeyCounts invalid = new InvalidKeyCounts() {
        @Override
        public long of(long groupId) {
            return groupId * 10;
        }
    };

    private static GroupDefinition def(long id, String name, boolean aggregate) {
        return new GroupDefinition(id, name, "", "", aggregate,
                aggregate ? List.of() : List.of(new Upstream("http://127.0.0.1:1", 1)), ChannelType.OPENAI, 0, "m",
                "", Map.of(), Map.of(), false, GroupConfigOverrides.empty(), List.of(), "", null, null, null);
    }

    private void groups(GroupDefinition... defs) {
        catalog.rebuild(List.of(defs), List.of(), SystemSettings.defaults());
    }

    private ProxyMetrics metrics() {
        return new ProxyMetrics(fake.registry, catalog, pool, invalid);
    }

    @Test
    void groupInstrumentsAreFetchedOnceAndCached() {
        ProxyMetrics m = metrics();
        GroupMeters a = m.group("alpha");
        int lookups = fake.lookups.get();
        assertSame(a, m.group("alpha"));
        a.request(200);
        int afterFirst = fake.lookups.get();
        for (int i = 0; i < 5; i++) {
            m.group("alpha").request(200);
            m.group("alpha").attempt(false, true);
            m.group("alpha").upstream(1_000);
        }
        assertEquals(lookups + 1, afterFirst, "the first request of a status code asks the registry once");
        assertEquals(afterFirst, fake.lookups.get(), "later requests never ask the registry");
        assertEquals(6, fake.count(MetricNames.REQUESTS, group("alpha"), new Tag("status", "200")));
    }

    @Test
    void requestsAreLabelledByGroupAndStatus() {
        GroupMeters g = metrics().group("alpha");
        g.request(200);
        g.request(429);
        g.request(429);
        g.request(499);
        g.request(0);
        g.request(600);
        assertEquals(1, fake.count(MetricNames.REQUESTS, group("alpha"), new Tag("status", "200")));
        assertEquals(2, fake.count(MetricNames.REQUESTS, group("alpha"), new Tag("status", "429")));
        assertEquals(1, fake.count(MetricNames.REQUESTS, group("alpha"), new Tag("status", "499")));
        assertEquals(2, fake.count(MetricNames.REQUESTS, group("alpha"), new Tag("status", "other")),
                "codes outside 100-599 share one label value");
    }

    @Test
    void attemptsAreLabelledByResultAndRetriesCountedApart() {
        GroupMeters g = metrics().group("alpha");
        g.attempt(true, false);
        g.attempt(true, false);
        g.attempt(false, true);
        g.attempt(false, false);
        assertEquals(2, fake.count(MetricNames.ATTEMPTS, group("alpha"), new Tag("result", "retry")));
        assertEquals(1, fake.count(MetricNames.ATTEMPTS, group("alpha"), new Tag("result", "success")));
        assertEquals(1, fake.count(MetricNames.ATTEMPTS, group("alpha"), new Tag("result", "final_failure")));
        assertEquals(2, fake.count(MetricNames.RETRIES, group("alpha")));
    }

    @Test
    void latenciesGoToTheirTimers() {
        ProxyMetrics m = metrics();
        m.group("alpha").upstream(5_000_000);
        m.added(2_000_000);
        m.added(-5);
        assertEquals(List.of(Duration.ofMillis(5)), fake.timings(MetricNames.UPSTREAM_LATENCY, group("alpha")));
        assertEquals(List.of(Duration.ofMillis(2), Duration.ZERO), fake.timings(MetricNames.ADDED_LATENCY),
                "a negative figure (clock skew between threads) is clamped");
        m.group("alpha").upstream(20_000_000);
        assertEquals(1L, fake.gaugeValue(MetricNames.UPSTREAM_BUCKETS, group("alpha"), le("0.005")));
        assertEquals(1L, fake.gaugeValue(MetricNames.UPSTREAM_BUCKETS, group("alpha"), le("0.01")));
        assertEquals(2L, fake.gaugeValue(MetricNames.UPSTREAM_BUCKETS, group("alpha"), le("0.025")));
        assertEquals(2L, fake.gaugeValue(MetricNames.UPSTREAM_BUCKETS, group("alpha"), le("+Inf")));
        assertEquals(1L, fake.gaugeValue(MetricNames.ADDED_BUCKETS, le("0.0001")), "the clamped zero");
        assertEquals(1L, fake.gaugeValue(MetricNames.ADDED_BUCKETS, le("0.001")));
        assertEquals(2L, fake.gaugeValue(MetricNames.ADDED_BUCKETS, le("0.0025")));
        assertEquals(2L, fake.gaugeValue(MetricNames.ADDED_BUCKETS, le("+Inf")));
    }

    private static Tag le(String bound) {
        return new Tag("le", bound);
    }

    @Test
    void everyLabelIsOneOfGroupStatusResultAndEveryNameHasHelp() {
        ProxyMetrics m = metrics();
        groups(def(1, "alpha", false));
        m.group("alpha").request(200);
        m.group("alpha").attempt(false, true);
        Set<String> labels = fake.metrics.keySet().stream().flatMap(id -> id.getTags().keySet().stream())
                .collect(Collectors.toSet());
        assertTrue(Set.of("group", "status", "result", "le").containsAll(labels), labels.toString());
        fake.metadata.values().forEach(md -> {
            assertTrue(md.getName().startsWith("gptload_"), md.getName());
            assertFalse(md.getDescription().isBlank(), md.getName());
        });
    }

    @Test
    void keyGaugesFollowTheCatalogAndSkipAggregates() {
        groups(def(1, "alpha", false), def(2, "agg", true));
        metrics();
        pool.replace(1, List.of(new PooledKey(11, 1, new Secret("sk-a"), "h", "sk-a"),
                new PooledKey(12, 1, new Secret("sk-b"), "h2", "sk-b")));
        assertEquals(2, fake.gaugeValue(MetricNames.KEYS_ACTIVE, group("alpha")).intValue(), "read when scraped");
        assertEquals(10L, fake.gaugeValue(MetricNames.KEYS_INVALID, group("alpha")).longValue());
        assertNull(fake.gaugeValue(MetricNames.KEYS_ACTIVE, group("agg")), "an aggregate holds no keys");

        groups(def(1, "alpha", false), def(3, "beta", false));
        assertEquals(0, fake.gaugeValue(MetricNames.KEYS_ACTIVE, group("beta")).intValue(), "a new group");
        assertEquals(30L, fake.gaugeValue(MetricNames.KEYS_INVALID, group("beta")).longValue());
    }

    @Test
    void aDeletedOrRenamedGroupLeavesNothingBehind() {
        groups(def(1, "alpha", false), def(2, "beta", false));
        ProxyMetrics m = metrics();
        m.group("alpha").request(200);
        m.group("beta").request(200);
        GroupMeters oldAlpha = m.group("alpha");

        groups(def(1, "alpha-renamed", false));
        Set<String> left = fake.metrics.keySet().stream().map(id -> id.getTags().getOrDefault("group", ""))
                .collect(Collectors.toSet());
        assertEquals(Set.of("", "alpha-renamed"), left, fake.metrics.keySet().toString());
        assertFalse(oldAlpha == m.group("alpha"), "the cache forgot the old name");
    }

    @Test
    void keyEventsCountForTheGroupByName() {
        groups(def(1, "alpha", false));
        ProxyMetrics m = metrics();
        m.onKeyStatus(new KeyStatusChanged(1, KeyStatusChanged.Kind.BLACKLISTED, 1));
        m.onKeyStatus(new KeyStatusChanged(1, KeyStatusChanged.Kind.RESTORED, 3));
        m.onKeyStatus(new KeyStatusChanged(99, KeyStatusChanged.Kind.RESTORED, 1));
        assertEquals(1, fake.count(MetricNames.BLACKLISTED, group("alpha")));
        assertEquals(3, fake.count(MetricNames.RESTORED, group("alpha")));
        assertFalse(fake.metrics.keySet().stream().map(MetricID::getTags).anyMatch(t -> "99".equals(t.get("group"))),
                "an unknown group id creates nothing");
    }

    @Test
    void openStreamsGaugeReadsTheLiveCount() {
        ProxyMetrics m = metrics();
        m.streamOpened();
        m.streamOpened();
        m.streamClosed();
        assertEquals(1, fake.gaugeValue(MetricNames.OPEN_STREAMS).intValue());
    }
}
