package io.gptload.settings;

import java.util.Objects;

/**
 * One system setting: its key, type, default (string form), lower bound, whether it is required,
 * its category, whether a group may override it, and its localised texts.
 *
 * @param min lower bound for {@link SettingType#INT} settings, {@code null} for others
 */
public record SettingDefinition(String key, SettingType type, String defaultValue, Integer min, boolean required,
        SettingCategory category, boolean groupOverridable, LocalizedText name, LocalizedText description,
        LocalizedText categoryName) {

    public SettingDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryName, "categoryName");
        if ((min != null) != (type == SettingType.INT)) {
            throw new IllegalArgumentException("min is given exactly for int settings: " + key);
        }
    }

    /** Localised display name (language from {@link Languages#resolve}). */
    public String name(String language) {
        return name.in(language);
    }

    /** Localised description. */
    public String description(String language) {
        return description.in(language);
    }

    /** Localised name of the category. */
    public String categoryName(String language) {
        return categoryName.in(language);
    }
}
