package io.gptload.upstream;

import java.time.Duration;
import java.util.Objects;

/** What distinguishes one pooled HTTP client from another: connect timeout and outbound proxy. */
public record ClientProfile(Duration connectTimeout, String proxyUrl) {

    public ClientProfile {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        proxyUrl = proxyUrl == null ? "" : proxyUrl.strip();
    }
}
