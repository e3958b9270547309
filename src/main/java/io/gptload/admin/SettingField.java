package io.gptload.admin;

import io.gptload.settings.SettingDefinition;
import io.gptload.settings.SettingType;
import io.gptload.settings.SettingsCatalog;
import io.gptload.shared.Secret;
import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One system setting on the settings page: its texts in the console's language, the value shown
 * and the value being edited (as text; a switch for booleans), and the validation message of the
 * last save. The proxy keys are a secret: they are never shown, only masked, and an empty field
 * keeps them.
 */
public final class SettingField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final SettingType type;
    private final String name;
    private final String description;
    private final Integer min;
    private final boolean required;
    private final String shown;
    private String value;
    private String error = "";

    SettingField(SettingDefinition def, String language, String current) {
        this.key = def.key();
        this.type = def.type();
        this.name = def.name(language);
        this.description = def.description(language);
        this.min = def.min();
        this.required = def.required();
        this.shown = current;
        this.value = isSecret() ? "" : current;
    }

    /** Whether this is the proxy-key list, which the page never shows in full. */
    public boolean isSecret() {
        return SettingsCatalog.PROXY_KEYS.equals(key);
    }

    /** Whether the value was edited (an empty secret field keeps the secret). */
    boolean changed() {
        String v = value == null ? "" : value;
        if (isSecret()) {
            return !v.isBlank();
        }
        return type == SettingType.STRING ? !v.equals(shown) : !v.strip().equals(shown);
    }

    /** The current proxy keys, each masked, for the hint of the secret field. */
    public String getMaskedShown() {
        return shown.isEmpty() ? "" : Arrays.stream(shown.split(",")).map(Secret::mask)
                .collect(Collectors.joining(", "));
    }

    public String getKind() {
        if (type == SettingType.BOOL) {
            return "bool";
        }
        if (type == SettingType.INT) {
            return "int";
        }
        return isSecret() ? "secret" : "text";
    }

    public String getKey() {
        return key;
    }

    SettingType type() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Integer getMin() {
        return min;
    }

    public boolean isRequired() {
        return required;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public boolean isOn() {
        return "true".equals(value);
    }

    public void setOn(boolean on) {
        this.value = Boolean.toString(on);
    }

    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error == null ? "" : error;
    }

    /** The input's id on the page (setting keys are valid ids). */
    public String getInputId() {
        return "setting_" + key;
    }
}
