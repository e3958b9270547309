package io.gptload.group;

import io.gptload.settings.ValidationMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses and renders a group's {@code model_redirect_rules}: a JSON object of requested model → upstream model. */
public final class ModelRedirectRules {

    private static final String FIELD = "model_redirect_rules";

    private ModelRedirectRules() {
    }

    /**
     * Validates the rules ({@code null} → none). Keys and values are kept as given; blank ones and
     * non-string values are rejected.
     *
     * @return unmodifiable map in the order of the JSON object
     * @throws io.gptload.shared.ValidationException naming the field, e.g. {@code model_redirect_rules["gpt-4"]}
     */
    public static Map<String, String> parse(JsonValue value) {
        if (JsonFields.isNull(value)) {
            return Map.of();
        }
        JsonObject object = JsonFields.object(value, FIELD);
        Map<String, String> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String field = FIELD + "[" + Json.createValue(entry.getKey()) + "]";
            if (entry.getKey().isBlank()) {
                throw ValidationMessage.EMPTY.exception(field);
            }
            if (!(entry.getValue() instanceof JsonString target)) {
                throw ValidationMessage.NOT_STRING.exception(field);
            }
            if (target.getString().isBlank()) {
                throw ValidationMessage.EMPTY.exception(field);
            }
            rules.put(entry.getKey(), target.getString());
        }
        return Collections.unmodifiableMap(rules);
    }

    /** The rules as a JSON object. */
    public static JsonObject toJson(Map<String, String> rules) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        rules.forEach(json::add);
        return json.build();
    }
}
