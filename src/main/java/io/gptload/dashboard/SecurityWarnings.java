package io.gptload.dashboard;

import io.gptload.group.GroupDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The security check of the dashboard (spec §1 row 38): AUTH_KEY, ENCRYPTION_KEY (missing is
 * high), every global and every group proxy key. Per secret: shorter than 16 bytes is high,
 * shorter than 32 medium; a common weak pattern is high; fewer than three of upper case, lower
 * case, digits and other characters (when at least 16 bytes long) is medium. Messages name the
 * secret, never show it.
 */
public final class SecurityWarnings {

    /** Substrings that make a secret guessable, checked case-insensitively in this order. */
    public static final List<String> WEAK_PATTERNS = List.of("password", "123456", "admin", "secret", "test", "demo",
            "sk-123456", "key", "token", "pass", "pwd", "qwerty", "abc", "default", "user", "login", "auth", "temp");

    private SecurityWarnings() {
    }

    /** Every warning, in the order AUTH_KEY, ENCRYPTION_KEY, global proxy keys, group proxy keys. */
    public static List<SecurityWarning> check(String authKey, String encryptionKey, List<String> globalProxyKeys,
                                              List<GroupDefinition> groups) {
        List<SecurityWarning> out = new ArrayList<>();
        if (authKey == null || authKey.isEmpty()) {
            out.add(new SecurityWarning("AUTH_KEY", "AUTH_KEY is not set, system cannot function properly",
                    SecurityWarning.HIGH, "AUTH_KEY must be set to protect the admin interface"));
        } else {
            out.addAll(checkSecret(authKey, "AUTH_KEY"));
        }
        if (encryptionKey == null || encryptionKey.isEmpty()) {
            out.add(new SecurityWarning("ENCRYPTION_KEY",
                    "ENCRYPTION_KEY is not set, sensitive data will be stored in plain text", SecurityWarning.HIGH,
                    "It is strongly recommended to set ENCRYPTION_KEY to encrypt sensitive data like API keys"));
        } else {
            out.addAll(checkSecret(encryptionKey, "ENCRYPTION_KEY"));
        }
        numbered(out, globalProxyKeys, "Global Proxy Key");
        for (GroupDefinition g : groups) {
            numbered(out, g.proxyKeyList(), "Group Proxy Key [" + g.name() + "]");
        }
        return out;
    }

    private static void numbered(List<SecurityWarning> out, List<String> keys, String label) {
        int n = 0;
        for (String k : keys) {
            String key = k == null ? "" : k.strip();
            if (!key.isEmpty()) {
                n++;
                out.addAll(checkSecret(key, label + " #" + n));
            }
        }
    }

    /** The warnings for one secret called {@code name}. */
    public static List<SecurityWarning> checkSecret(String secret, String name) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(name, "name");
        List<SecurityWarning> out = new ArrayList<>();
        int length = secret.getBytes(StandardCharsets.UTF_8).length;
        if (length < 16) {
            out.add(new SecurityWarning(name, name + " is too short (" + length
                    + " characters), recommend at least 16 characters", SecurityWarning.HIGH,
                    "Use a strong password with at least 16 characters, 32+ recommended"));
        } else if (length < 32) {
            out.add(new SecurityWarning(name, name + " is short (" + length + " characters), recommend 32+ characters",
                    SecurityWarning.MEDIUM, "Recommend using passwords with 32+ characters for better security"));
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        WEAK_PATTERNS.stream().filter(lower::contains).findFirst().ifPresent(p -> out.add(new SecurityWarning(name,
                name + " contains common weak password patterns: " + p, SecurityWarning.HIGH,
                "Avoid common words, suggest using randomly generated strong passwords")));
        if (length >= 16 && characterClasses(secret) < 3) {
            out.add(new SecurityWarning(name, name + " has low complexity, missing combination of upper/lowercase, "
                    + "numbers, or special characters", SecurityWarning.MEDIUM,
                    "Suggest including upper/lowercase letters, numbers and special characters to improve password strength"));
        }
        return out;
    }

    /** How many of upper case ASCII, lower case ASCII, digits and anything else occur. */
    static int characterClasses(String s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
