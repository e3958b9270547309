package io.gptload.group;

import io.gptload.channel.ChannelAdapters;
import io.gptload.channel.ModelRedirect;
import io.gptload.settings.EffectiveSettings;
import io.gptload.settings.FailoverCodeMatcher;
import io.gptload.settings.SystemSettings;
import io.gptload.shared.SmoothWeightedRoundRobin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The hot path's immutable view of every group, replaced atomically when groups or settings
 * change ({@link #rebuild}). Lookups never do I/O.
 */
@ApplicationScoped
public class GroupCatalog {

    private static final Logger LOG = Logger.getLogger(GroupCatalog.class.getName());

    /** One published state: groups by name and id, plus the global proxy keys. */
    private record State(Map<String, GroupSnapshot> byName, Map<Long, GroupSnapshot> byId, Set<String> global) {
    }

    private volatile State state = new State(Map.of(), Map.of(), Set.of());
    private final List<Runnable> rebuildListeners = new CopyOnWriteArrayList<>();

    public Optional<GroupSnapshot> byName(String name) {
        return Optional.ofNullable(state.byName().get(name));
    }

    public Optional<GroupSnapshot> byId(long id) {
        return Optional.ofNullable(state.byId().get(id));
    }

    public Set<String> globalProxyKeys() {
        return state.global();
    }

    /** Every group of the current snapshot, in no particular order. */
    public Collection<GroupSnapshot> all() {
        return state.byId().values();
    }

    /** Runs {@code listener} after every {@link #rebuild} (monitoring follows the group list this way). */
    public void afterRebuild(Runnable listener) {
        rebuildListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Compiles the configuration into snapshots and publishes them in one step. */
    public void rebuild(List<GroupDefinition> groups, List<SubGroupLink> links, SystemSettings settings) {
        Map<String, GroupSnapshot> byName = new HashMap<>();
        Map<Long, GroupSnapshot> byId = new HashMap<>();
        for (GroupDefinition g : groups) {
            GroupSnapshot s = compile(g, links, settings);
            byName.put(s.name(), s);
            byId.put(s.id(), s);
        }
        state = new State(Map.copyOf(byName), Map.copyOf(byId), Set.copyOf(new LinkedHashSet<>(settings.proxyKeys())));
        for (Runnable listener : rebuildListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warning("a catalog listener failed: " + e);
            }
        }
    }

    private static GroupSnapshot compile(GroupDefinition g, List<SubGroupLink> links, SystemSettings system) {
        EffectiveSettings eff = EffectiveSettings.of(system, g.config());
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parseOrEmpty(eff.failoverStatusCodes());
        SmoothWeightedRoundRobin<Upstream> upstreams = null;
        if (!g.aggregate()) {
            List<SmoothWeightedRoundRobin.Weighted<Upstream>> w = new ArrayList<>();
            g.upstreams().forEach(u -> w.add(new SmoothWeightedRoundRobin.Weighted<>(u, u.weight())));
            if (w.stream().anyMatch(x -> x.weight() > 0)) {
                upstreams = new SmoothWeightedRoundRobin<>(w);
            } else {
                LOG.warning("group " + g.name() + " has no upstream with a positive weight");
            }
        }
        List<Long> members = new ArrayList<>();
        SmoothWeightedRoundRobin<Long> chooser = null;
        if (g.aggregate()) {
            List<SmoothWeightedRoundRobin.Weighted<Long>> w = new ArrayList<>();
            for (SubGroupLink l : links) {
                if (l.aggregateId() == g.id() && l.weight() > 0) {
                    members.add(l.subGroupId());
                    w.add(new SmoothWeightedRoundRobin.Weighted<>(l.subGroupId(), l.weight()));
                }
            }
            chooser = w.isEmpty() ? null : new SmoothWeightedRoundRobin<>(w);
        }
        return new GroupSnapshot(g.id(), g.name(), g.aggregate(), g.channelType(), ChannelAdapters.of(g.channelType()),
                upstreams, eff, matcher, new LinkedHashSet<>(g.proxyKeyList()), g.paramOverrides(),
                new ModelRedirect(g.modelRedirectRules(), g.modelRedirectStrict()), g.headerRules(), members, chooser,
                g.testModel(), g.validationEndpoint());
    }
}
