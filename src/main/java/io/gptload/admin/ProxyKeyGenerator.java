package io.gptload.admin;

import java.security.SecureRandom;

/**
 * New proxy keys for a group: {@code sk-} followed by 48 random characters of the URL-safe
 * alphabet {@code A-Z a-z 0-9 - _}, drawn from {@link SecureRandom}.
 */
final class ProxyKeyGenerator {

    static final String PREFIX = "sk-";
    static final int LENGTH = 48;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProxyKeyGenerator() {
    }

    /** A new key. */
    static String generate() {
        return generate(RANDOM);
    }

    static String generate(SecureRandom random) {
        StringBuilder key = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }
}
