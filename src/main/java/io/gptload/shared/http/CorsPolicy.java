package io.gptload.shared.http;

import io.gptload.shared.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * gpt-load's CORS rules (spec §1 row 52) as a pure function: which headers an answer to a
 * request with this {@code Origin} gets. Off by default.
 */
public record CorsPolicy(boolean enabled, List<String> origins, String methods, String headers, boolean credentials) {

    public CorsPolicy {
        origins = List.copyOf(origins);
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(headers, "headers");
    }

    public static CorsPolicy of(GatewayConfig.Cors c) {
        return new CorsPolicy(c.enabled(), c.allowedOrigins(), String.join(", ", c.allowedMethods()),
                String.join(", ", c.allowedHeaders()), c.allowCredentials());
    }

    /** A reason the configuration cannot work, or null. */
    public String problem() {
        return enabled && origins.isEmpty() ? "ENABLE_CORS is true but ALLOWED_ORIGINS is empty" : null;
    }

    /** The CORS response headers for a request from {@code origin} (may be null). */
    public Map<String, String> headersFor(String origin) {
        if (!enabled || origin == null || origin.isEmpty()
                || !(origins.contains("*") || origins.contains(origin))) {
            return Map.of();
        }
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Access-Control-Allow-Origin", origin);
        h.put("Access-Control-Allow-Methods", methods);
        h.put("Access-Control-Allow-Headers", headers);
        if (credentials) {
            h.put("Access-Control-Allow-Credentials", "true");
        }
        h.put("Vary", "Origin");
        return h;
    }

    /** gpt-load answers every OPTIONS request with 204 at once when CORS is on. */
    public boolean shortCircuits(String method) {
        return enabled && "OPTIONS".equalsIgnoreCase(method);
    }
}
