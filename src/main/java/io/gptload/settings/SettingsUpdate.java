package io.gptload.settings;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Validates the body of {@code PUT /api/settings}: a flat object of setting key → JSON value,
 * partial (an empty object is a valid, empty update).
 */
public final class SettingsUpdate {

    private SettingsUpdate() {
    }

    /**
     * Checks every entry and returns the values to store, in their canonical string form, in the
     * order of the body.
     *
     * @throws io.gptload.shared.ValidationException on the first entry that breaks a rule
     */
    public static Map<String, String> validate(JsonObject body) {
        Objects.requireNonNull(body, "body");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            String key = entry.getKey();
            SettingDefinition def = SettingsCatalog.find(key)
                    .orElseThrow(() -> ValidationMessage.UNKNOWN_SETTING.exception(key));
            values.put(key, SettingValues.fromJson(def, entry.getValue(), key));
        }
        return Collections.unmodifiableMap(values);
    }
}
