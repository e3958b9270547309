package io.gptload.settings;

/** The three groups in which settings are shown, in display order. */
public enum SettingCategory {
    BASIC("basic"),
    REQUEST("request"),
    KEY("key");

    private final String id;

    SettingCategory(String id) {
        this.id = id;
    }

    /** {@code basic}, {@code request} or {@code key}. */
    public String id() {
        return id;
    }
}
