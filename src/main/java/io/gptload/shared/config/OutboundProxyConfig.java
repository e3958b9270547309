package io.gptload.shared.config;

import java.util.Objects;

/**
 * The outbound proxy environment ({@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY}),
 * used when no {@code proxy_url} setting applies (spec §1 row 44). Each name is read in upper
 * case first, then lower case; the first non-blank value wins, as Go's
 * {@code ProxyFromEnvironment} reads them. Empty means unset. Proxy URLs may carry credentials,
 * so {@link #toString()} shows only whether they are set.
 */
public record OutboundProxyConfig(String httpProxy, String httpsProxy, String noProxy) {

    /** No proxy from the environment. */
    public static final OutboundProxyConfig NONE = new OutboundProxyConfig("", "", "");

    public OutboundProxyConfig {
        Objects.requireNonNull(httpProxy, "httpProxy");
        Objects.requireNonNull(httpsProxy, "httpsProxy");
        Objects.requireNonNull(noProxy, "noProxy");
    }

    /** Reads the three variables. */
    public static OutboundProxyConfig read(ConfigLookup c) {
        return new OutboundProxyConfig(first(c, "HTTP_PROXY", "http_proxy"), first(c, "HTTPS_PROXY", "https_proxy"),
                first(c, "NO_PROXY", "no_proxy"));
    }

    /** Whether either proxy variable is set. */
    public boolean anyProxy() {
        return !httpProxy.isEmpty() || !httpsProxy.isEmpty();
    }

    private static String first(ConfigLookup c, String upper, String lower) {
        String v = c.string(upper, "");
        return v.isEmpty() ? c.string(lower, "") : v;
    }

    @Override
    public String toString() {
        return "OutboundProxyConfig[httpProxy=" + (httpProxy.isEmpty() ? "none" : "configured")
                + ", httpsProxy=" + (httpsProxy.isEmpty() ? "none" : "configured") + ", noProxy=" + noProxy + "]";
    }
}
