package io.gptload.upstream;

import io.gptload.shared.config.OutboundProxyConfig;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbound proxy when no {@code proxy_url} applies: {@code HTTPS_PROXY} for https targets,
 * {@code HTTP_PROXY} for http ones, direct for hosts matched by {@link NoProxyRules} (spec §1
 * row 44). A variable that is not an http(s) proxy URL counts as unset.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Optional<ProxyEndpoint> http;
    private final Optional<ProxyEndpoint> https;
    private final NoProxyRules noProxy;

    public EnvironmentProxySelector(OutboundProxyConfig config) {
        Objects.requireNonNull(config, "config");
        this.http = ProxyEndpoint.parse(config.httpProxy());
        this.https = ProxyEndpoint.parse(config.httpsProxy());
        this.noProxy = NoProxyRules.parse(config.noProxy());
    }

    /** Whether any usable proxy was configured. */
    public boolean active() {
        return http.isPresent() || https.isPresent();
    }

    @Override
    public List<Proxy> select(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<ProxyEndpoint> endpoint = switch (scheme) {
            case "https", "wss" -> https;
            case "http", "ws" -> http;
            default -> Optional.empty();
        };
        if (endpoint.isEmpty()) {
            return DIRECT;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        return noProxy.bypass(uri.getHost(), port) ? DIRECT : List.of(endpoint.get().proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // nothing to learn: the next request asks again
    }
}
