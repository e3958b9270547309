package io.gptload.upstream;

import java.time.Duration;
import java.util.Objects;

/**
 * What distinguishes one pooled HTTP client from another: connect timeout, outbound proxy, and
 * how long and how many idle connections per upstream host the pool keeps
 * ({@code idle_conn_timeout}, {@code max_idle_conns_per_host}).
 */
public record ClientProfile(Duration connectTimeout, String proxyUrl, Duration idleTimeout, int maxIdlePerHost) {

    /** gpt-load's defaults for the pool. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_IDLE_PER_HOST = 50;

    public ClientProfile {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        proxyUrl = proxyUrl == null ? "" : proxyUrl.strip();
        maxIdlePerHost = Math.max(1, maxIdlePerHost);
    }

    public ClientProfile(Duration connectTimeout, String proxyUrl) {
        this(connectTimeout, proxyUrl, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_IDLE_PER_HOST);
    }

    /** The same connection settings with the default pool (what a JDK client is keyed by). */
    ClientProfile connection() {
        return new ClientProfile(connectTimeout, proxyUrl);
    }
}
