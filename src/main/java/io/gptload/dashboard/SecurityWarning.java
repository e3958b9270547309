package io.gptload.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * One weakness of the gateway's secrets. {@code type} and {@code message} name the secret
 * ({@code AUTH_KEY}, {@code Group Proxy Key [x] #2}); they never contain it.
 *
 * @param severity {@code high} or {@code medium}
 */
public record SecurityWarning(String type, String message, String severity, String suggestion) {

    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";

    public SecurityWarning {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("type", type).add("message", message).add("severity", severity)
                .add("suggestion", suggestion).build();
    }
}
