package io.gptload.settings;

import io.gptload.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A group's {@code config}: the overridable settings it sets, validated. Values are kept in
 * canonical string form, in catalogue order; {@code null} entries mean "inherit" and are dropped.
 */
public final class GroupConfigOverrides {

    private static final GroupConfigOverrides EMPTY = new GroupConfigOverrides(Map.of());

    private final Map<String, String> values;

    private GroupConfigOverrides(Map<String, String> values) {
        this.values = values;
    }

    /** No overrides. */
    public static GroupConfigOverrides empty() {
        return EMPTY;
    }

    /**
     * Validates a {@code config} value from an API request ({@code null} or JSON null → empty).
     *
     * @throws ValidationException naming the field, e.g. {@code config.request_timeout}
     */
    public static GroupConfigOverrides parse(JsonValue config) {
        return read(config, e -> {
            throw e;
        });
    }

    /**
     * Reads a stored {@code config} leniently: entries that break a rule are reported to
     * {@code onIgnored} and dropped (so the system value applies); a non-object counts as empty.
     */
    public static GroupConfigOverrides fromStored(JsonValue config, Consumer<ValidationException> onIgnored) {
        Objects.requireNonNull(onIgnored, "onIgnored");
        try {
            return read(config, onIgnored);
        } catch (ValidationException e) {
            onIgnored.accept(e);
            return EMPTY;
        }
    }

    private static GroupConfigOverrides read(JsonValue config, Consumer<ValidationException> onError) {
        if (config == null || config.getValueType() == JsonValue.ValueType.NULL) {
            return EMPTY;
        }
        if (!(config instanceof JsonObject object)) {
            throw ValidationMessage.NOT_OBJECT.exception("config");
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String field = "config." + entry.getKey();
            try {
                SettingDefinition def = SettingsCatalog.find(entry.getKey()).filter(SettingDefinition::groupOverridable)
                        .orElseThrow(() -> ValidationMessage.UNKNOWN_CONFIG_FIELD.exception(field, entry.getKey()));
                if (entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
                    found.put(def.key(), SettingValues.fromJson(def, entry.getValue(), field));
                }
            } catch (ValidationException e) {
                onError.accept(e);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (SettingDefinition def : SettingsCatalog.groupOverridable()) {
            if (found.containsKey(def.key())) {
                ordered.put(def.key(), found.get(def.key()));
            }
        }
        return ordered.isEmpty() ? EMPTY : new GroupConfigOverrides(Collections.unmodifiableMap(ordered));
    }

    /** Whether the group overrides nothing. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The overrides, setting key → {@link Integer}, {@link Boolean} or {@link String}. */
    public Map<String, Object> values() {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((key, value) -> typed.put(key, SettingValues.typed(SettingsCatalog.get(key), value)));
        return Collections.unmodifiableMap(typed);
    }

    /** The override of one setting in canonical string form, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Canonical string form of all overrides, setting key → value. */
    public Map<String, String> asStrings() {
        return values;
    }

    /** The overrides as a JSON object (empty object when none). */
    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((key, value) -> json.add(key, SettingValues.toJson(SettingsCatalog.get(key), value)));
        return json.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupConfigOverrides other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "GroupConfigOverrides" + values;
    }
}
