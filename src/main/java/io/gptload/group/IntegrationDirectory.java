package io.gptload.group;

import io.gptload.shared.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the integration-info requests (spec §3.3, §3.4): which groups a proxy key may use. A
 * key may use a group when it is one of the global proxy keys or one of the group's own.
 */
@ApplicationScoped
public class IntegrationDirectory {

    /** The answer to one request. */
    public sealed interface Answer {
        /** The groups the key may use (never empty). */
        record Found(List<IntegrationInfo> groups) implements Answer {
            public Found {
                groups = List.copyOf(groups);
            }
        }

        /** No key was given. */
        record KeyMissing() implements Answer {
        }

        /** The key may use none of the groups asked about. */
        record Unauthorized() implements Answer {
        }

        /** The group named on the proxy path does not exist. */
        record GroupNotFound() implements Answer {
        }
    }

    private GroupService groups;
    private GroupCatalog catalog;

    protected IntegrationDirectory() {
        // for CDI proxies
    }

    @Inject
    public IntegrationDirectory(GroupService groups, GroupCatalog catalog) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Every group (order {@code sort asc, id desc}) that {@code key} may use. */
    public Answer all(String key) {
        if (key == null || key.isEmpty()) {
            return new Answer.KeyMissing();
        }
        return found(groups.list(), key, false);
    }

    /** The group named {@code groupName}, if {@code key} may use it. */
    public Answer one(String groupName, String key) {
        if (key == null || key.isEmpty()) {
            return new Answer.KeyMissing();
        }
        Optional<GroupDefinition> g = catalog.byName(groupName).flatMap(s -> groups.find(s.id()));
        return g.isEmpty() ? new Answer.GroupNotFound() : found(List.of(g.get()), key, true);
    }

    private Answer found(List<GroupDefinition> candidates, String key, boolean onGroupPath) {
        Set<String> global = catalog.globalProxyKeys();
        Secret presented = new Secret(key);
        List<IntegrationInfo> out = new ArrayList<>();
        for (GroupDefinition g : candidates) {
            boolean allowed = false;
            for (String k : global) {
                allowed |= presented.matches(k);
            }
            for (String k : g.proxyKeyList()) {
                allowed |= presented.matches(k);
            }
            if (allowed) {
                out.add(IntegrationInfo.of(g, onGroupPath));
            }
        }
        return out.isEmpty() ? new Answer.Unauthorized() : new Answer.Found(out);
    }
}
