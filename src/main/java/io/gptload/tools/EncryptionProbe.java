package io.gptload.tools;

import io.gptload.shared.KeyCipher;
import java.util.List;
import java.util.Objects;

/**
 * Guards against encrypting twice, as gpt-load does: plaintext rows carry {@code key_hash =
 * SHA-256(key_value)}, encrypted rows an HMAC of the plaintext. A sample in which no row matches
 * looks encrypted already; one in which only some match is inconsistent. Either way, refused.
 */
final class EncryptionProbe {

    /** How many rows (first by id) the probe looks at. */
    static final int SAMPLE_SIZE = 20;

    private static final KeyCipher PLAIN = KeyCipher.of("");

    private EncryptionProbe() {
    }

    /**
     * Passes when every sampled row looks like plaintext (or there is none).
     *
     * @param target the cipher of the new key, to say whether the data is encrypted with it already
     * @throws MigrationException explaining the refusal
     */
    static void requirePlaintext(List<ApiKeyRows.Row> sample, KeyCipher target) throws MigrationException {
        Objects.requireNonNull(sample, "sample must not be null");
        Objects.requireNonNull(target, "target must not be null");
        long plain = sample.stream().filter(r -> PLAIN.hash(r.value()).equals(r.hash())).count();
        int n = sample.size();
        if (plain == n) {
            return;
        }
        if (plain > 0) {
            throw new MigrationException("inconsistent data: " + plain + "/" + n + " sampled keys look plaintext, "
                    + (n - plain) + "/" + n + " look encrypted; check the database before migrating");
        }
        long withTarget = sample.stream().filter(r -> decryptsTo(r, target)).count();
        if (withTarget > 0) {
            throw new MigrationException("the keys are already encrypted with the --to key (" + withTarget + "/" + n
                    + " sampled keys decrypt with it); encrypting again would make them unreadable");
        }
        throw new MigrationException("the keys look encrypted already (0/" + n + " sampled key hashes are the"
                + " SHA-256 of the stored value); give the current key with --from");
    }

    private static boolean decryptsTo(ApiKeyRows.Row row, KeyCipher cipher) {
        try {
            return cipher.hash(cipher.decrypt(row.value())).equals(row.hash());
        } catch (KeyCipher.DecryptionException e) {
            return false;
        }
    }
}
