package io.gptload.auth;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Whether a presented key may use a group: it is one of the global proxy keys or one of the
 * group's own (for an aggregate, the aggregate's). Compared in constant time per candidate.
 */
public final class ProxyKeyCheck {

    private ProxyKeyCheck() {
    }

    public static boolean allowed(String presented, Set<String> globalKeys, Set<String> groupKeys) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String k : globalKeys) {
            ok |= MessageDigest.isEqual(p, k.getBytes(StandardCharsets.UTF_8));
        }
        for (String k : groupKeys) {
            ok |= MessageDigest.isEqual(p, k.getBytes(StandardCharsets.UTF_8));
        }
        return ok;
    }
}
