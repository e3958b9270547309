package io.gptload.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of key values and their lookup hash, byte-compatible with gpt-load.
 * With an ENCRYPTION_KEY: AES-256-GCM under a PBKDF2-HMAC-SHA256 derived key, stored as lowercase
 * hex of nonce ‖ ciphertext ‖ tag; hash = hex HMAC-SHA256 under the derived key. Without one:
 * values are stored as they are and hash = hex SHA-256. Immutable and thread-safe.
 */
public final class KeyCipher {

    static final String SALT = "gpt-load-encryption-v1";
    static final int ITERATIONS = 100_000;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final SecureRandom random;

    private KeyCipher(SecretKeySpec key) {
        this.key = key;
        this.random = key == null ? null : new SecureRandom();
    }

    /** Cipher for the given ENCRYPTION_KEY; empty means disabled. The (slow) key derivation happens here, once. */
    public static KeyCipher of(String encryptionKeyOrEmpty) {
        Objects.requireNonNull(encryptionKeyOrEmpty, "encryption key must not be null (use \"\" to disable)");
        if (encryptionKeyOrEmpty.isEmpty()) {
            return new KeyCipher(null);
        }
        return new KeyCipher(new SecretKeySpec(deriveKey(encryptionKeyOrEmpty), "AES"));
    }

    /** True when an ENCRYPTION_KEY is configured. */
    public boolean enabled() {
        return key != null;
    }

    /** Encrypted form (random nonce) of a plaintext, or the plaintext itself when disabled. */
    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext must not be null");
        if (key == null) {
            return plaintext;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return encrypt(plaintext, nonce);
    }

    /** Encryption with a given nonce; for known-answer tests only. */
    String encrypt(String plaintext, byte[] nonce) {
        if (key == null) {
            return plaintext;
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return HEX.formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption unavailable", e);
        }
    }

    /**
     * Plaintext of an encrypted value, or the value itself when disabled.
     *
     * @throws DecryptionException if the value is not valid hex, too short, or fails authentication
     */
    public String decrypt(String ciphertextHex) {
        Objects.requireNonNull(ciphertextHex, "ciphertext must not be null");
        if (key == null) {
            return ciphertextHex;
        }
        byte[] data;
        try {
            data = HEX.parseHex(ciphertextHex);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("encrypted value is not valid hex");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("encrypted value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("encrypted value failed authentication (wrong ENCRYPTION_KEY or corrupted data)");
        }
    }

    /** Lookup hash of a key value: hex HMAC-SHA256 under the derived key, or hex SHA-256 when disabled. */
    public String hash(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext must not be null");
        byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(message));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 / HMAC-SHA256 unavailable", e);
        }
    }

    /** PBKDF2-HMAC-SHA256 of the UTF-8 password with gpt-load's salt and iteration count. */
    static byte[] deriveKey(String password) {
        PBEKeySpec spec = new PBEKeySpec(
                password.toCharArray(), SALT.getBytes(StandardCharsets.UTF_8), ITERATIONS, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "KeyCipher[enabled=" + enabled() + "]";
    }

    /** A stored value could not be decrypted. The message never contains the value or a plaintext. */
    public static final class DecryptionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DecryptionException(String message) {
            super(message);
        }
    }
}
