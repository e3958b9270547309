package io.gptload.admin;

import io.gptload.settings.SettingDefinition;
import io.gptload.settings.SettingsCatalog;
import java.io.Serializable;
import java.util.Optional;

/**
 * One config override: a group-overridable setting and its value as typed.
 * A row of the group editor's {@link GroupForm}.
 */
public final class ConfigRow implements Serializable {
    private static final long serialVersionUID = 1L;
    String key = "";
    String value = "";
    boolean invalid;

    public ConfigRow() {
    }

    ConfigRow(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? "" : key;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** The chosen setting, if any. */
    public Optional<SettingDefinition> setting() {
        return SettingsCatalog.find(key).filter(SettingDefinition::groupOverridable);
    }

    /** Whether the chosen setting is a switch (its value is {@code true} or {@code false}). */
    public boolean isBool() {
        return setting().map(d -> d.type() == io.gptload.settings.SettingType.BOOL).orElse(false);
    }

    public boolean isInvalid() {
        return invalid;
    }
}
