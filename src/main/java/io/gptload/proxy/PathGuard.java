package io.gptload.proxy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rejects proxy paths that could escape the upstream's base path (DECISIONS 3): {@code .} or
 * {@code ..} segments, raw or percent-encoded, and encoded slashes or backslashes.
 */
final class PathGuard {

    private static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9_-]{1,100}");

    private PathGuard() {
    }

    static boolean validGroupName(String name) {
        return name != null && GROUP_NAME.matcher(name).matches();
    }

    /** True when the raw (undecoded) path suffix is safe to forward. */
    static boolean safe(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%00")) {
            return false;
        }
        String decodedDots = lower.replace("%2e", ".");
        for (String seg : decodedDots.split("/", -1)) {
            int params = seg.indexOf(';');
            String name = params < 0 ? seg : seg.substring(0, params); // "..;x" is ".." to many servers
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
