package io.gptload.dashboard;

import io.gptload.shared.KeyCipher;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Whether the stored keys fit the configured ENCRYPTION_KEY (spec §1 row 24), judged on a sample
 * of rows: a row "looks plaintext" when its hash is the plain SHA-256 of its value, and "fits the
 * key" when it decrypts and the HMAC of the plaintext is its hash.
 *
 * @param scenarioType "" or {@code data_not_encrypted}, {@code key_not_configured}, {@code key_mismatch}
 */
public record EncryptionStatus(boolean hasMismatch, String scenarioType, String message, String suggestion) {

    /** How many rows are sampled. */
    public static final int SAMPLE_SIZE = 20;
    public static final EncryptionStatus NONE = new EncryptionStatus(false, "", "", "");

    /** One sampled row of {@code api_keys}. */
    public record StoredValue(String keyValue, String keyHash) {
        public StoredValue {
            keyValue = keyValue == null ? "" : keyValue;
            keyHash = keyHash == null ? "" : keyHash;
        }

        @Override
        public String toString() {
            return "StoredValue[****]";
        }
    }

    public EncryptionStatus {
        Objects.requireNonNull(scenarioType, "scenarioType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    /** Judges {@code sample} against {@code current} (the configured cipher, disabled when no key is set). */
    public static EncryptionStatus assess(List<StoredValue> sample, KeyCipher current) {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(current, "current");
        if (sample.isEmpty()) {
            return NONE;
        }
        KeyCipher plain = KeyCipher.of("");
        double plaintext = share(sample, v -> plain.hash(v.keyValue()).equals(v.keyHash()));
        if (current.enabled() && plaintext > 0.8) {
            return new EncryptionStatus(true, "data_not_encrypted", "ENCRYPTION_KEY is configured but the keys in "
                    + "database are not encrypted. This will cause keys to be unreadable (shown as failed-to-decrypt).",
                    "Please stop the service, run the key migration command and restart");
        }
        if (!current.enabled() && plaintext < 0.2) {
            return new EncryptionStatus(true, "key_not_configured", "Keys in database are encrypted but ENCRYPTION_KEY "
                    + "is not configured. This will cause keys to be unreadable.",
                    "Please configure the same ENCRYPTION_KEY used for encryption, or run decryption migration");
        }
        if (current.enabled() && plaintext < 0.2 && share(sample, v -> fits(current, v)) < 0.2) {
            return new EncryptionStatus(true, "key_mismatch", "The configured ENCRYPTION_KEY does not match the key "
                    + "used for encryption. This will cause decryption to fail (shown as failed-to-decrypt).",
                    "Please use the correct ENCRYPTION_KEY, or run key migration");
        }
        return NONE;
    }

    private static boolean fits(KeyCipher cipher, StoredValue v) {
        try {
            return cipher.hash(cipher.decrypt(v.keyValue())).equals(v.keyHash());
        } catch (KeyCipher.DecryptionException e) {
            return false;
        }
    }

    private static double share(List<StoredValue> sample, java.util.function.Predicate<StoredValue> test) {
        return sample.stream().filter(test).count() / (double) sample.size();
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("has_mismatch", hasMismatch).add("scenario_type", scenarioType)
                .add("message", message).add("suggestion", suggestion).build();
    }
}
