package io.gptload.settings;

/** Value type of a system setting, with the name the settings API uses for it. */
public enum SettingType {
    STRING("string"),
    INT("int"),
    BOOL("bool");

    private final String wireName;

    SettingType(String wireName) {
        this.wireName = wireName;
    }

    /** {@code string}, {@code int} or {@code bool}, as in {@code GET /api/settings}. */
    public String wireName() {
        return wireName;
    }
}
