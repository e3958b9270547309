package io.gptload.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard's statistics (spec §3.3 {@code dashboard/stats}): active keys (invalid ones as
 * sub-value), requests per minute, requests and error rate of the last 24 hours, and the security
 * warnings ({@code null} in JSON when there are none).
 */
public record DashboardStats(StatCard keyCount, StatCard rpm, StatCard requestCount, StatCard errorRate,
                             List<SecurityWarning> securityWarnings) {

    /** The tip shown with the invalid-key count. */
    public static final String INVALID_KEYS_TIP = "Invalid Keys";

    public DashboardStats {
        Objects.requireNonNull(keyCount, "keyCount");
        Objects.requireNonNull(rpm, "rpm");
        Objects.requireNonNull(requestCount, "requestCount");
        Objects.requireNonNull(errorRate, "errorRate");
        securityWarnings = List.copyOf(securityWarnings);
    }

    /** The key card: active keys, invalid keys as sub-value, no trend. */
    public static StatCard keyCard(long active, long invalid) {
        return new StatCard(active, invalid, INVALID_KEYS_TIP, 0, false);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("key_count", keyCount.toJson()).add("rpm", rpm.toJson())
                .add("request_count", requestCount.toJson()).add("error_rate", errorRate.toJson());
        if (securityWarnings.isEmpty()) {
            b.addNull("security_warnings");
        } else {
            JsonArrayBuilder w = Json.createArrayBuilder();
            securityWarnings.forEach(s -> w.add(s.toJson()));
            b.add("security_warnings", w);
        }
        return b.build();
    }
}
