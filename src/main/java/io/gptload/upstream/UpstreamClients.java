package io.gptload.upstream;

import jakarta.annotation.PreDestroy;
import io.gptload.shared.config.OutboundProxyConfig;
import io.gptload.shared.config.OutboundTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The proxy's upstream clients: for direct connections one lean {@link Http1Client} per connect
 * timeout, otherwise pooled {@link HttpClient}s, one per {@link ClientProfile}, shared by every
 * group with the same profile. Owns the proxy's one virtual-thread executor (relay and upstream
 * I/O) and one scheduler thread for total-time deadlines; both live and die with the application.
 * Clients never follow redirects themselves ({@link RedirectFollower} does, safely); without a
 * {@code proxy_url} they use the environment's proxy ({@link EnvironmentProxySelector}). Both
 * kinds check upstream certificates with the {@link OutboundTls} context.
 */
@ApplicationScoped
public class UpstreamClients {

    private static final List<String> JVM_PROXY_PROPERTIES = List.of("http.proxyHost", "https.proxyHost",
            "socksProxyHost");
    /** How often idle upstream connections past their time are closed. */
    private static final long SWEEP_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(UpstreamClients.class.getName());

    private final Map<ClientProfile, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<ClientProfile, Http1Client> direct = new ConcurrentHashMap<>();
    private final ExecutorService relay = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("gw-relay-", 0).factory());
    private final ScheduledExecutorService deadlines = deadlineScheduler();

    private EnvironmentProxySelector environment;
    private SSLContext tls;

    /**
     * One thread for every request's deadlines. Nearly all of them are cancelled long before they
     * are due (a request's total time is minutes, its answer milliseconds): cancelled ones leave
     * the queue at once, or at 2,000 requests/s with a 600 s timeout it would hold 1.2 million.
     */
    static ScheduledThreadPoolExecutor deadlineScheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().daemon().name("gw-deadlines").unstarted(r));
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    protected UpstreamClients() {
        // for CDI proxies
    }

    /** Clients that trust the server's default TLS context. */
    public UpstreamClients(OutboundProxyConfig outbound) {
        this(outbound, OutboundTls.serverDefault());
    }

    @Inject
    public UpstreamClients(OutboundProxyConfig outbound, OutboundTls tls) {
        this.environment = new EnvironmentProxySelector(Objects.requireNonNull(outbound, "outbound"));
        this.tls = Objects.requireNonNull(tls, "tls").context();
        deadlines.scheduleWithFixedDelay(() -> direct.values().forEach(Http1Client::sweep), SWEEP_SECONDS,
                SWEEP_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        warnIfUnusable("HTTP_PROXY", outbound.httpProxy());
        warnIfUnusable("HTTPS_PROXY", outbound.httpsProxy());
    }

    public HttpClient client(ClientProfile profile) {
        return clients.computeIfAbsent(profile.connection(), this::build);
    }

    /**
     * What sends a proxied request of this profile, following redirects safely: the lean
     * {@link Http1Client} when the connection is direct (no {@code proxy_url}, no proxy in the
     * environment or the JVM's properties), otherwise the profile's JDK client.
     */
    public RedirectFollower follower(ClientProfile profile) {
        if (isDirect(profile)) {
            Http1Client c = direct.computeIfAbsent(profile, p -> new Http1Client(p, deadlines, tls.getSocketFactory()));
            return new RedirectFollower(c::send);
        }
        return RedirectFollower.over(client(profile));
    }

    private boolean isDirect(ClientProfile p) {
        return ProxyEndpoint.parse(p.proxyUrl()).isEmpty() && !environment.active()
                && JVM_PROXY_PROPERTIES.stream().allMatch(k -> System.getProperty(k, "").isBlank())
                && !Boolean.getBoolean("java.net.useSystemProxies");
    }

    /** Executor for the relay of one proxied request (virtual threads). */
    public ExecutorService relay() {
        return relay;
    }

    public ScheduledExecutorService deadlines() {
        return deadlines;
    }

    private HttpClient build(ClientProfile p) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(p.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .executor(relay);
        b.proxy(selector(p.proxyUrl()));
        return b.build();
    }

    /**
     * The group's {@code proxy_url} when it is a usable http(s) proxy, otherwise the environment
     * (as gpt-load falls back to it for an unparseable URL), otherwise the JVM default.
     */
    ProxySelector selector(String proxyUrl) {
        Optional<ProxyEndpoint> configured = ProxyEndpoint.parse(proxyUrl);
        if (configured.isPresent()) {
            ProxyEndpoint e = configured.get();
            return new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(e.proxy());
                }

                @Override
                public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                    // nothing to learn
                }
            };
        }
        if (environment.active()) {
            return environment;
        }
        ProxySelector dflt = ProxySelector.getDefault();
        return dflt == null ? HttpClient.Builder.NO_PROXY : dflt;
    }

    private static void warnIfUnusable(String name, String value) {
        if (!value.isEmpty() && ProxyEndpoint.parse(value).isEmpty()) {
            LOG.warning(name + " is set but is not an http:// or https:// proxy URL with a host; it is ignored"
                    + " (only HTTP(S) proxies are supported)");
        }
    }

    /**
     * Graceful shutdown's last resort: aborts every upstream exchange still running (their relays
     * end with an error and are logged as such). Clients built afterwards are fresh.
     */
    public void abortAll() {
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
        direct.values().forEach(Http1Client::abortAll);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::shutdownNow);
        direct.values().forEach(Http1Client::abortAll);
        deadlines.shutdownNow();
        relay.shutdownNow();
    }
}
