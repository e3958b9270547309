package io.gptload.upstream;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound HTTP proxy's address, parsed from a proxy URL the way gpt-load reads one: a value
 * without a scheme ({@code host:port}, {@code user:pw@host:port}) gets {@code http://} in front. Only {@code http} and {@code https} proxies
 * are usable (DECISIONS 20); the JDK client talks plain HTTP to either (CONNECT for https
 * targets).
 */
public record ProxyEndpoint(String host, int port) {

    public ProxyEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy needs a host and a port in 1..65535");
        }
    }

    /**
     * The endpoint of {@code url}, or empty when it is blank, unparseable, not http(s), or carries
     * credentials (not supported: a proxy answering 407 would get every key blacklisted).
     */
    public static Optional<ProxyEndpoint> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String text = url.strip();
        URI uri = (text.contains("://") ? uri(text) : uri(text).filter(u -> u.getScheme() != null
                && u.getHost() != null).or(() -> uri("http://" + text))).orElse(null);
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return port > 65535 ? Optional.empty() : Optional.of(new ProxyEndpoint(host, port));
    }

    /** A {@link Proxy} for this endpoint; the host name is resolved now, so each call sees DNS changes. */
    public Proxy proxy() {
        return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(host, port));
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
