package io.gptload.proxy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The instruments of one group, fetched from the registry once and kept: recording is an
 * increment, and a request counter per status code is looked up in an array by the code.
 */
final class GroupMeters {

    private static final int STATUSES = 600;

    private final MetricRegistry registry;
    private final Tag group;
    private final AtomicReferenceArray<Counter> requests = new AtomicReferenceArray<>(STATUSES);
    private final Counter success;
    private final Counter retry;
    private final Counter finalFailure;
    private final Counter retries;
    private final Counter blacklisted;
    private final Counter restored;
    private final Timer upstream;
    private final LatencyBuckets upstreamBuckets = new LatencyBuckets(LatencyBuckets.UPSTREAM_BOUNDS);

    GroupMeters(MetricRegistry registry, String groupName) {
        this.registry = registry;
        this.group = new Tag(MetricNames.GROUP, groupName);
        this.success = attempts("success");
        this.retry = attempts("retry");
        this.finalFailure = attempts("final_failure");
        this.retries = counter(MetricNames.RETRIES);
        this.blacklisted = counter(MetricNames.BLACKLISTED);
        this.restored = counter(MetricNames.RESTORED);
        this.upstream = registry.timer(MetricNames.metadata(MetricNames.UPSTREAM_LATENCY), group);
        upstreamBuckets.register(registry, MetricNames.metadata(MetricNames.UPSTREAM_BUCKETS), group);
    }

    private Counter attempts(String result) {
        return counter(MetricNames.ATTEMPTS, new Tag(MetricNames.RESULT, result));
    }

    private Counter counter(String name, Tag... more) {
        Tag[] tags = new Tag[more.length + 1];
        tags[0] = group;
        System.arraycopy(more, 0, tags, 1, more.length);
        return registry.counter(MetricNames.metadata(name), tags);
    }

    /** One request answered with {@code status} (codes outside 100–599 count as {@code other}). */
    void request(int status) {
        int i = status >= 100 && status < STATUSES ? status : 0;
        Counter c = requests.get(i);
        if (c == null) {
            c = counter(MetricNames.REQUESTS, new Tag(MetricNames.STATUS, i == 0 ? "other" : Integer.toString(i)));
            requests.set(i, c);
        }
        c.inc();
    }

    /** One attempt: a retry, or the final one, successful or not. */
    void attempt(boolean isRetry, boolean succeeded) {
        if (isRetry) {
            retry.inc();
            retries.inc();
        } else if (succeeded) {
            success.inc();
        } else {
            finalFailure.inc();
        }
    }

    /** Time from sending to the upstream's response headers. */
    void upstream(long nanos) {
        upstream.update(Duration.ofNanos(nanos));
        upstreamBuckets.observe(nanos);
    }

    void blacklisted(int n) {
        blacklisted.inc(n);
    }

    void restored(int n) {
        restored.inc(n);
    }
}
