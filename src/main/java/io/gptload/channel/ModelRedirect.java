package io.gptload.channel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's model redirect rules (requested model to upstream model) and strict flag. Rule order
 * is kept as given, so synthetic model-list entries come out in a stable order. Strict mode with
 * no rules restricts nothing.
 */
public record ModelRedirect(Map<String, String> rules, boolean strict) {

    /** No rules, not strict. */
    public static final ModelRedirect NONE = new ModelRedirect(Map.of(), false);

    public ModelRedirect {
        Objects.requireNonNull(rules, "rules");
        rules.forEach((k, v) -> {
            Objects.requireNonNull(k, "rule key");
            Objects.requireNonNull(v, "target of rule " + k);
        });
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** True when there is at least one rule; without rules nothing is redirected, restricted or rewritten. */
    public boolean active() {
        return !rules.isEmpty();
    }

    /**
     * The upstream model for {@code requested}: the rule target, empty when no rule applies.
     *
     * @throws ModelNotAllowedException when strict and active and {@code requested} is no rule key
     */
    public Optional<String> targetOf(String requested) {
        String target = rules.get(requested);
        if (target == null && strict && active()) {
            throw new ModelNotAllowedException(requested);
        }
        return Optional.ofNullable(target);
    }
}
