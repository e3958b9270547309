package io.gptload.proxy;

import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The gateway's metric names and label names, as registered. The Prometheus text adds
 * {@code _total} to counters, and {@code _seconds} to the two latency timers, whose nanoseconds
 * it shows in seconds ({@code /metrics}, MicroProfile Metrics 5).
 * Labels carry group names only, never a key.
 */
final class MetricNames {

    static final String REQUESTS = "gptload_requests";
    static final String ATTEMPTS = "gptload_attempts";
    static final String RETRIES = "gptload_retries";
    static final String BLACKLISTED = "gptload_key_blacklisted";
    static final String RESTORED = "gptload_key_restored";
    static final String KEYS_ACTIVE = "gptload_keys_active";
    static final String KEYS_INVALID = "gptload_keys_invalid";
    static final String UPSTREAM_LATENCY = "gptload_upstream_latency";
    static final String ADDED_LATENCY = "gptload_added_latency";
    static final String OPEN_STREAMS = "gptload_open_streams";
    /**
     * The two latencies' exact histogram buckets ({@link LatencyBuckets}), named as exported. Not
     * {@code <timer>_bucket}: OpenLiberty's registry reserves that name for the timer itself and
     * refuses the gauge (the application would not start).
     */
    static final String UPSTREAM_BUCKETS = "gptload_upstream_latency_buckets";
    static final String ADDED_BUCKETS = "gptload_added_latency_buckets";

    static final String GROUP = "group";
    static final String STATUS = "status";
    static final String RESULT = "result";

    private static final java.util.Set<String> PER_GROUP = java.util.Set.of(REQUESTS, ATTEMPTS, RETRIES, BLACKLISTED,
            RESTORED, UPSTREAM_LATENCY, UPSTREAM_BUCKETS);

    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry(REQUESTS, "Proxied requests by group and the status answered to the client"),
            Map.entry(ATTEMPTS, "Upstream attempts by group and result (success, retry, final_failure)"),
            Map.entry(RETRIES, "Attempts that were retried with another key"),
            Map.entry(BLACKLISTED, "Keys taken out of rotation after reaching the failure threshold"),
            Map.entry(RESTORED, "Invalid keys restored by validation or by hand"),
            Map.entry(KEYS_ACTIVE, "Active keys in rotation"),
            Map.entry(KEYS_INVALID, "Invalid (blacklisted) keys, counted at most 15 s ago"),
            Map.entry(UPSTREAM_LATENCY, "Time from sending an attempt to the upstream's response headers"),
            Map.entry(ADDED_LATENCY, "Gateway time of a request excluding upstream waits"),
            Map.entry(OPEN_STREAMS, "Streaming responses being relayed now"),
            Map.entry(UPSTREAM_BUCKETS, "Attempts whose upstream response headers came within le seconds"),
            Map.entry(ADDED_BUCKETS, "Requests whose gateway time (upstream waits excluded) was within le seconds"));

    /** The metadata (name and help text) a metric is always registered with. */
    static Metadata metadata(String name) {
        String help = HELP.get(name);
        if (help == null) {
            throw new IllegalArgumentException("unknown metric " + name);
        }
        boolean timer = name.equals(UPSTREAM_LATENCY) || name.equals(ADDED_LATENCY);
        return Metadata.builder().withName(name).withDescription(help)
                .withUnit(timer ? MetricUnits.NANOSECONDS : MetricUnits.NONE).build();
    }

    /** Whether a group's cached counters and timers use this name (removed when the group goes away). */
    static boolean isPerGroup(String name) {
        return PER_GROUP.contains(name);
    }

    private MetricNames() {
    }
}
