package io.gptload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.dashboard.EncryptionStatus.StoredValue;
import io.gptload.shared.KeyCipher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncryptionStatusTest {

    private static final KeyCipher NONE = KeyCipher.of("");
    private static KeyCipher right;
    private static KeyCipher wrong;

    @BeforeAll
    static void ciphers() {
        right = KeyCipher.of("the-right-encryption-key");
        wrong = KeyCipher.of("another-encryption-key");
    }

    private static List<StoredValue> rows(KeyCipher cipher, int n) {
        List<StoredValue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "sk-row-" + i;
            out.add(new StoredValue(cipher.encrypt(key), cipher.hash(key)));
        }
        return out;
    }

    @Test
    void noRowsOrMatchingConfigurationIsNoMismatch() {
        assertEquals(EncryptionStatus.NONE, EncryptionStatus.assess(List.of(), right));
        assertEquals(EncryptionStatus.NONE, EncryptionStatus.assess(rows(NONE, 20), NONE));
        assertEquals(EncryptionStatus.NONE, EncryptionStatus.assess(rows(right, 20), right));
    }

    @Test
    void aKeySetOverPlaintextRowsIsDataNotEncrypted() {
        EncryptionStatus s = EncryptionStatus.assess(rows(NONE, 20), right);
        assertTrue(s.hasMismatch());
        assertEquals("data_not_encrypted", s.scenarioType());
        assertTrue(s.message().startsWith("ENCRYPTION_KEY is configured but the keys in database are not encrypted"));
        assertEquals("Please stop the service, run the key migration command and restart", s.suggestion());
    }

    @Test
    void encryptedRowsWithoutAKeyIsKeyNotConfigured() {
        EncryptionStatus s = EncryptionStatus.assess(rows(right, 5), NONE);
        assertEquals("key_not_configured", s.scenarioType());
        assertEquals("{\"has_mismatch\":true,\"scenario_type\":\"key_not_configured\",\"message\":\"Keys in database are "
                + "encrypted but ENCRYPTION_KEY is not configured. This will cause keys to be unreadable.\",\"suggestion\":"
                + "\"Please configure the same ENCRYPTION_KEY used for encryption, or run decryption migration\"}",
                s.toJson().toString());
    }

    @Test
    void anotherKeyIsKeyMismatch() {
        EncryptionStatus s = EncryptionStatus.assess(rows(wrong, 20), right);
        assertEquals("key_mismatch", s.scenarioType());
        assertEquals("Please use the correct ENCRYPTION_KEY, or run key migration", s.suggestion());
    }

    @Test
    void thresholdsAreEightyAndTwentyPercent() {
        List<StoredValue> mostlyPlain = new ArrayList<>(rows(NONE, 17));
        mostlyPlain.addAll(rows(right, 3));
        assertEquals("data_not_encrypted", EncryptionStatus.assess(mostlyPlain, right).scenarioType(), "85 % plain");
        List<StoredValue> eighty = new ArrayList<>(rows(NONE, 16));
        eighty.addAll(rows(right, 4));
        assertFalse(EncryptionStatus.assess(eighty, right).hasMismatch(), "exactly 80 % plain is not > 80 %");
        List<StoredValue> mixed = new ArrayList<>(rows(wrong, 16));
        mixed.addAll(rows(right, 4));
        assertFalse(EncryptionStatus.assess(mixed, right).hasMismatch(), "20 % decryptable is not < 20 %");
        mixed.set(19, new StoredValue("not-hex", "x"));
        assertEquals("key_mismatch", EncryptionStatus.assess(mixed, right).scenarioType());
    }

    @Test
    void storedValuesNeverShowThemselves() {
        assertEquals("StoredValue[****]", new StoredValue("sk-secret", "h").toString());
    }
}
