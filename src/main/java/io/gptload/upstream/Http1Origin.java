package io.gptload.upstream;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: scheme, host and port of an upstream URL. */
record Http1Origin(boolean tls, String host, int port) {

    static Http1Origin of(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("upstream URL has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        return new Http1Origin(tls, host.toLowerCase(Locale.ROOT), port);
    }

    boolean ipLiteral() {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** The Host header's value. */
    String authority() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? h : h + ":" + port;
    }
}
