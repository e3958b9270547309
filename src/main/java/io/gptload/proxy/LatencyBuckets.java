package io.gptload.proxy;

import java.math.BigDecimal;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * An exact Prometheus histogram of one latency: fixed upper bounds in seconds, one counter per
 * bucket, exported as the cumulative {@code <name>_buckets{le="..."}} series that
 * {@code histogram_quantile} reads (the timers beside it give {@code _count} and {@code _sum}).
 * A registry that refuses the gauges costs the histogram, never the application's start.
 * Recording is a binary search over the bounds and one increment; the cumulative sums are added up
 * when scraped. MicroProfile Metrics' own buckets are not used: Payara counts them over a decaying
 * sample while {@code +Inf} is the exact total.
 */
final class LatencyBuckets {

    private static final Logger LOG = Logger.getLogger("io.gptload.proxy");

    /** Upstream time to response headers: 5 ms to 2 min. */
    static final double[] UPSTREAM_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    /** The gateway's own time per request: 100 µs to 1 s. */
    static final double[] ADDED_BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
        0.25, 0.5, 1};

    static final String LE = "le";

    private final double[] bounds;
    private final long[] boundNanos;
    private final LongAdder[] counts;

    LatencyBuckets(double[] bounds) {
        this.bounds = bounds.clone();
        this.boundNanos = new long[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            if (i > 0 && bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bounds must increase");
            }
            boundNanos[i] = Math.round(bounds[i] * 1e9);
        }
        this.counts = new LongAdder[bounds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void observe(long nanos) {
        counts[bucketOf(nanos)].increment();
    }

    /** The first bucket whose bound is at least {@code nanos} (Prometheus' {@code le}); the last one is +Inf. */
    int bucketOf(long nanos) {
        int lo = 0;
        int hi = boundNanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos <= boundNanos[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Observations at or below bucket {@code i}'s bound ({@code i == bounds} is +Inf: all). */
    long cumulative(int i) {
        long sum = 0;
        for (int b = 0; b <= i; b++) {
            sum += counts[b].sum();
        }
        return sum;
    }

    int buckets() {
        return counts.length;
    }

    /** The {@code le} label of bucket {@code i}: the bound as a plain decimal, or {@code +Inf}. */
    String label(int i) {
        return i < bounds.length ? BigDecimal.valueOf(bounds[i]).stripTrailingZeros().toPlainString() : "+Inf";
    }

    /** Registers one gauge per bucket under {@code name} with {@code tags} and the bucket's {@code le}. */
    void register(MetricRegistry registry, Metadata metadata, Tag... tags) {
        try {
            for (int i = 0; i < counts.length; i++) {
                int bucket = i;
                Tag[] all = new Tag[tags.length + 1];
                System.arraycopy(tags, 0, all, 0, tags.length);
                all[tags.length] = new Tag(LE, label(i));
                registry.gauge(metadata, () -> cumulative(bucket), all);
            }
        } catch (RuntimeException e) {
            LOG.warning("latency histogram " + metadata.getName() + " not exported: " + e);
        }
    }
}
