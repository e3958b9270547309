package io.gptload.group;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Parses and renders a group's {@code param_overrides}: a JSON object whose top-level members are
 * set into each JSON request body. Values are kept as raw JSON text, ready to be spliced into a body
 * without re-encoding anything else.
 */
public final class ParamOverrides {

    private ParamOverrides() {
    }

    /**
     * Validates the overrides ({@code null} → none).
     *
     * @return unmodifiable map, in the order of the JSON object, of member name → raw JSON text of its value
     * @throws io.gptload.shared.ValidationException when the value is not a JSON object
     */
    public static Map<String, String> parse(JsonValue value) {
        if (JsonFields.isNull(value)) {
            return Map.of();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        JsonFields.object(value, "param_overrides").forEach((name, member) -> overrides.put(name, member.toString()));
        return Collections.unmodifiableMap(overrides);
    }

    /** The overrides as JSON object text. */
    public static String toJson(Map<String, String> overrides) {
        StringJoiner json = new StringJoiner(",", "{", "}");
        overrides.forEach((name, raw) -> json.add(Json.createValue(name) + ":" + raw));
        return json.toString();
    }
}
