package io.gptload.upstream;

import java.util.Locale;
import java.util.Set;

/** Which headers never cross the gateway: hop-by-hop headers and those the JDK client sets itself. */
public final class HeaderFilter {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection");
    /** Set by java.net.http itself (restricted) or meaningless upstream. */
    private static final Set<String> NOT_FORWARDED_UP = Set.of("host", "content-length", "expect",
            "http2-settings");
    /** The client's credentials: always stripped before forwarding (spec §1 row 20). */
    private static final Set<String> CLIENT_CREDENTIALS = Set.of("authorization", "x-api-key", "x-goog-api-key");

    private HeaderFilter() {
    }

    /** True when a client request header may be forwarded upstream. */
    public static boolean forwardUpstream(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !NOT_FORWARDED_UP.contains(n) && !CLIENT_CREDENTIALS.contains(n);
    }

    /** True when a header (from any source) may be set on a java.net.http request. */
    public static boolean sendable(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !NOT_FORWARDED_UP.contains(n);
    }

    /** True when an upstream response header may be copied to the client. */
    public static boolean forwardDownstream(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !n.startsWith(":");
    }
}
