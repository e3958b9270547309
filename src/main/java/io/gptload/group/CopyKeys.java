package io.gptload.group;

/** Which keys {@code POST /api/groups/{id}/copy} takes along: none, only active ones, or all. */
public enum CopyKeys {
    NONE("none"),
    VALID_ONLY("valid_only"),
    ALL("all");

    private final String wire;

    CopyKeys(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The {@code copy_keys} member of a copy request body (see {@link #parse}). */
    public static CopyKeys from(jakarta.json.JsonObject body) {
        return parse(JsonFields.string(java.util.Objects.requireNonNull(body, "body"), "copy_keys", "copy_keys"));
    }

    /**
     * The option named by {@code copy_keys} (trimmed); absent or "" means {@link #ALL}, as in gpt-load.
     *
     * @throws io.gptload.shared.ValidationException for any other value
     */
    public static CopyKeys parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return ALL;
        }
        for (CopyKeys c : values()) {
            if (c.wire.equals(v)) {
                return c;
            }
        }
        throw GroupMessage.INVALID_COPY_KEYS.exception("copy_keys");
    }
}
