package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Known-answer vectors below were produced by an independent implementation: Python 3 with
 * hashlib.pbkdf2_hmac("sha256", password UTF-8, b"gpt-load-encryption-v1", 100000, 32), the
 * `cryptography` package's AESGCM(key).encrypt(nonce, plaintext UTF-8, None) (hex of
 * nonce ‖ ciphertext ‖ tag), hmac.new(key, plaintext, sha256) and hashlib.sha256.
 */
class KeyCipherTest {

    private static final String PASSWORD_1 = "my-secret-encryption-key";
    private static final String PASSWORD_2 = "Pässwörd with spaces & ünicode";
    private static final String DERIVED_1 = "fe2a52198106fa37a2f6eec08ff9bfc91b5c2ec388252d05dc5c5cd98c2f51f3";
    private static final String DERIVED_2 = "a6f80d009cd1087ab12c04c0290b2e13e69e7df2e31910b8a1ce96634752a2e4";

    private static final String PLAIN_ASCII = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String NONCE_ASCII = "000102030405060708090a0b";
    private static final String CIPHER_ASCII = "000102030405060708090a0b81714ec018a7e5b357cf843cf711e44f16f2547a"
            + "e99b37b08830a49daf4805acc3d29d8d56cf78723a37b9d125524780bc1ae4e3bbaaf573011a90c3";

    private static final String PLAIN_UNICODE = "ключ-密钥-\uD83D\uDD11-AIzaSy";
    private static final String NONCE_UNICODE = "a1b2c3d4e5f60718293a4b5c";
    private static final String CIPHER_UNICODE = "a1b2c3d4e5f60718293a4b5c28c9b4309115b8c67f71d99a2da246d45c102e17"
            + "eb69633258d22d8b926ddd6ae1a0fd089e43e430793aaf";

    private static final String CIPHER_EMPTY = "000102030405060708090a0b191b4890121d134fdd173877aab4af08";

    private static final String PLAIN_KEY_2 = "AIzaSyD-example-gemini-key-0001";
    private static final String CIPHER_KEY_2 = "a1b2c3d4e5f60718293a4b5c357ad16336b0b12e823d9285d86b4f455c1b3eb9"
            + "a7149d00a9e2b583fceb11719d586857b5c3af3a579e4d3c10b4c2";

    private static final String HMAC_ASCII = "4743d1e9043432e261f34c728c8dc9e42083cfb0cf5e74fcc491d02e8d00da6a";
    private static final String HMAC_UNICODE = "917d59426dccf4ce52f43a76257b1a7dd5030e786a8637f6f8e2bc4fc85f2652";
    private static final String HMAC_KEY_2 = "d253bd2973e3bf8b33f6b9919f760826a9196666f9c946abc3712b5e26ce2a43";
    private static final String SHA_ASCII = "977b7ec104fb56cc781bf9316d207e203520660807d7a5c10e4894455c43c0e1";
    private static final String SHA_UNICODE = "b4e1693cc30c86c91ddc29b8c0e90da09dc45038b399bcea4bec4e0f5cab5872";

    private static final HexFormat HEX = HexFormat.of();
    private static final KeyCipher CIPHER_1 = KeyCipher.of(PASSWORD_1);
    private static final KeyCipher CIPHER_2 = KeyCipher.of(PASSWORD_2);
    private static final KeyCipher PLAIN = KeyCipher.of("");

    @Test
    void derivesTheKnownKeys() {
        assertEquals(DERIVED_1, HEX.formatHex(KeyCipher.deriveKey(PASSWORD_1)));
        assertEquals(DERIVED_2, HEX.formatHex(KeyCipher.deriveKey(PASSWORD_2)));
    }

    @Test
    void encryptsWithFixedNonceToKnownHex() {
        assertEquals(CIPHER_ASCII, CIPHER_1.encrypt(PLAIN_ASCII, HEX.parseHex(NONCE_ASCII)));
        assertEquals(CIPHER_UNICODE, CIPHER_1.encrypt(PLAIN_UNICODE, HEX.parseHex(NONCE_UNICODE)));
        assertEquals(CIPHER_EMPTY, CIPHER_1.encrypt("", HEX.parseHex(NONCE_ASCII)));
        assertEquals(CIPHER_KEY_2, CIPHER_2.encrypt(PLAIN_KEY_2, HEX.parseHex(NONCE_UNICODE)));
    }

    @Test
    void decryptsKnownVectors() {
        assertEquals(PLAIN_ASCII, CIPHER_1.decrypt(CIPHER_ASCII));
        assertEquals(PLAIN_UNICODE, CIPHER_1.decrypt(CIPHER_UNICODE));
        assertEquals("", CIPHER_1.decrypt(CIPHER_EMPTY));
        assertEquals(PLAIN_KEY_2, CIPHER_2.decrypt(CIPHER_KEY_2));
        assertEquals(PLAIN_ASCII, CIPHER_1.decrypt(CIPHER_ASCII.toUpperCase()));
    }

    @Test
    void hashesWithHmacUnderTheDerivedKey() {
        assertEquals(HMAC_ASCII, CIPHER_1.hash(PLAIN_ASCII));
        assertEquals(HMAC_UNICODE, CIPHER_1.hash(PLAIN_UNICODE));
        assertEquals(HMAC_KEY_2, CIPHER_2.hash(PLAIN_KEY_2));
    }

    @Test
    void withoutKeyHashIsSha256AndValuesPassThrough() {
        assertFalse(PLAIN.enabled());
        assertEquals(SHA_ASCII, PLAIN.hash(PLAIN_ASCII));
        assertEquals(SHA_UNICODE, PLAIN.hash(PLAIN_UNICODE));
        assertEquals(PLAIN_ASCII, PLAIN.encrypt(PLAIN_ASCII));
        assertEquals(PLAIN_UNICODE, PLAIN.decrypt(PLAIN_UNICODE));
        assertEquals("not hex at all", PLAIN.decrypt("not hex at all"));
    }

    @Test
    void randomNonceRoundTripsAndDiffersEachTime() {
        assertTrue(CIPHER_1.enabled());
        String first = CIPHER_1.encrypt(PLAIN_UNICODE);
        String second = CIPHER_1.encrypt(PLAIN_UNICODE);
        assertNotEquals(first, second);
        assertTrue(first.matches("[0-9a-f]+"), "lowercase hex");
        int utf8Length = PLAIN_UNICODE.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertEquals(2 * (12 + utf8Length + 16), first.length());
        assertEquals(PLAIN_UNICODE, CIPHER_1.decrypt(first));
        assertEquals(PLAIN_UNICODE, CIPHER_1.decrypt(second));
    }

    @Test
    void hashIsDeterministicAndKeyDependent() {
        assertEquals(CIPHER_1.hash("k"), CIPHER_1.hash("k"));
        assertNotEquals(CIPHER_1.hash("k"), CIPHER_2.hash("k"));
        assertNotEquals(CIPHER_1.hash("k"), PLAIN.hash("k"));
    }

    @Test
    void wrongKeyFailsWithoutLeaking() {
        KeyCipher.DecryptionException e =
                assertThrows(KeyCipher.DecryptionException.class, () -> CIPHER_2.decrypt(CIPHER_ASCII));
        assertNoLeak(e, CIPHER_ASCII, PLAIN_ASCII);
    }

    @Test
    void tamperedCiphertextFails() {
        char last = CIPHER_ASCII.charAt(CIPHER_ASCII.length() - 1);
        String tampered = CIPHER_ASCII.substring(0, CIPHER_ASCII.length() - 1) + (last == '0' ? '1' : '0');
        KeyCipher.DecryptionException e =
                assertThrows(KeyCipher.DecryptionException.class, () -> CIPHER_1.decrypt(tampered));
        assertNoLeak(e, tampered, PLAIN_ASCII);
    }

    @Test
    void badHexFailsWithoutLeaking() {
        for (String bad : List.of("sk-plaintext-key-not-encrypted-xyz", CIPHER_ASCII + "0", "zz" + CIPHER_ASCII)) {
            KeyCipher.DecryptionException e =
                    assertThrows(KeyCipher.DecryptionException.class, () -> CIPHER_1.decrypt(bad));
            assertNoLeak(e, bad, PLAIN_ASCII);
            assertTrue(e.getMessage().contains("hex"), e.getMessage());
        }
    }

    @Test
    void tooShortFailsWithoutLeaking() {
        for (String shortValue : List.of("", "00", NONCE_ASCII, NONCE_ASCII + "00112233445566778899aabbccddee")) {
            KeyCipher.DecryptionException e =
                    assertThrows(KeyCipher.DecryptionException.class, () -> CIPHER_1.decrypt(shortValue));
            assertTrue(e.getMessage().contains("too short"), e.getMessage());
        }
    }

    @Test
    void rejectsNullInputsAndBadNonce() {
        assertThrows(NullPointerException.class, () -> KeyCipher.of(null));
        assertThrows(NullPointerException.class, () -> CIPHER_1.encrypt(null));
        assertThrows(NullPointerException.class, () -> CIPHER_1.decrypt(null));
        assertThrows(NullPointerException.class, () -> CIPHER_1.hash(null));
        assertThrows(IllegalArgumentException.class, () -> CIPHER_1.encrypt("x", new byte[11]));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        assertEquals("KeyCipher[enabled=true]", CIPHER_1.toString());
        assertEquals("KeyCipher[enabled=false]", PLAIN.toString());
    }

    @Test
    void isSafeForConcurrentUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String plain = "key-" + i;
                results.add(pool.submit(() -> {
                    String round = CIPHER_1.decrypt(CIPHER_1.encrypt(plain));
                    return round.equals(plain) && CIPHER_1.hash(plain).equals(CIPHER_1.hash(plain)) ? round : "MISMATCH";
                }));
            }
            Set<String> seen = new HashSet<>();
            for (Future<String> result : results) {
                seen.add(result.get());
            }
            assertFalse(seen.contains("MISMATCH"));
            assertEquals(200, seen.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNoLeak(Exception e, String input, String plaintext) {
        String message = String.valueOf(e.getMessage()) + " " + e;
        assertFalse(!input.isEmpty() && message.contains(input), "message leaks the input: " + message);
        assertFalse(message.contains(plaintext), "message leaks the plaintext: " + message);
        assertEquals(null, e.getCause(), "no cause that could carry details");
    }
}
