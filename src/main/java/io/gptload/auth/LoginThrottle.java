package io.gptload.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Login throttling per client IP (DECISIONS 14): after {@code maxFailures} failed admin logins
 * within {@code window}, the IP is refused for {@code block}, good key or not. A successful login
 * (outside a block) forgets the IP's failures. At most {@code maxTracked} IPs are remembered;
 * stale ones are dropped first, then the least recently seen unblocked ones. Thread-safe.
 */
public final class LoginThrottle {

    /** gpt-load/J's defaults: 10 failures in 5 minutes block for 5 minutes, 10 000 IPs tracked. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_TRACKED = 10_000;

    /** Failure times (nanos, oldest first, at most maxFailures) and the end of a block (0 = none). */
    private record Entry(List<Long> failures, long blockedUntil, long lastSeen) {
    }

    private final int maxFailures;
    private final long windowNanos;
    private final long blockNanos;
    private final int maxTracked;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param maxFailures failures that trigger a block; 0 disables throttling
     * @param window      how far back failures count
     * @param block       how long a block lasts
     * @param maxTracked  most IPs remembered at once
     * @param nanoClock   monotonic time in nanoseconds ({@code System::nanoTime})
     */
    public LoginThrottle(int maxFailures, Duration window, Duration block, int maxTracked, LongSupplier nanoClock) {
        if (maxFailures < 0) {
            throw new IllegalArgumentException("maxFailures must be >= 0, got " + maxFailures);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1, got " + maxTracked);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = positive(window, "window").toNanos();
        this.blockNanos = positive(block, "block").toNanos();
        this.maxTracked = maxTracked;
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** How much longer {@code ip} is refused; {@link Duration#ZERO} when it is not blocked. */
    public Duration blockedFor(String ip) {
        Entry e = entries.get(key(ip));
        long now = clock.getAsLong();
        return e == null || e.blockedUntil() - now <= 0 ? Duration.ZERO : Duration.ofNanos(e.blockedUntil() - now);
    }

    /** Counts a failed login; the failure that reaches the limit starts the block. Ignored while blocked. */
    public void recordFailure(String ip) {
        if (maxFailures == 0) {
            return;
        }
        long now = clock.getAsLong();
        entries.compute(key(ip), (k, old) -> {
            if (old != null && old.blockedUntil() - now > 0) {
                return old;
            }
            List<Long> recent = new ArrayList<>();
            if (old != null) {
                old.failures().stream().filter(t -> now - t < windowNanos).forEach(recent::add);
            }
            recent.add(now);
            if (recent.size() >= maxFailures) {
                return new Entry(List.of(), now + blockNanos, now);
            }
            return new Entry(List.copyOf(recent), 0, now);
        });
        if (entries.size() > maxTracked) {
            evict(now);
        }
    }

    /** A successful login outside a block forgets the IP's failures. */
    public void recordSuccess(String ip) {
        long now = clock.getAsLong();
        entries.computeIfPresent(key(ip), (k, old) -> old.blockedUntil() - now > 0 ? old : null);
    }

    /** IPs currently remembered (for tests and metrics). */
    public int tracked() {
        return entries.size();
    }

    private void evict(long now) {
        entries.entrySet().removeIf(e -> stale(e.getValue(), now));
        int excess = entries.size() - maxTracked;
        if (excess > 0) {
            entries.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().blockedUntil() - now > 0)
                            .thenComparingLong(e -> e.getValue().lastSeen() - now))
                    .limit(excess).map(Map.Entry::getKey).toList().forEach(entries::remove);
        }
    }

    private boolean stale(Entry e, long now) {
        return e.blockedUntil() - now <= 0 && now - e.lastSeen() >= windowNanos;
    }

    private static String key(String ip) {
        return ip == null ? "" : ip;
    }

    @Override
    public String toString() {
        return "LoginThrottle[maxFailures=" + maxFailures + ", window=" + Duration.ofNanos(windowNanos)
                + ", block=" + Duration.ofNanos(blockNanos) + ", tracked=" + entries.size() + "]";
    }
}
