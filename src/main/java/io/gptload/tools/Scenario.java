package io.gptload.tools;

/** What a {@code migrate-keys} run does, decided by which of {@code --from} and {@code --to} are given. */
public enum Scenario {
    /** Only {@code --to}: plaintext rows become encrypted. */
    ENABLE("enable encryption"),
    /** Only {@code --from}: encrypted rows become plaintext. */
    DISABLE("disable encryption"),
    /** Both: rows are decrypted with the old key and encrypted with the new one. */
    ROTATE("change the encryption key");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    /** Human-readable name, e.g. {@code enable encryption}. */
    public String description() {
        return description;
    }
}
