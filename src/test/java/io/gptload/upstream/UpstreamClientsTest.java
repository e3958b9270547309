package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.shared.config.OutboundProxyConfig;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpstreamClientsTest {

    private static final URI TARGET = URI.create("http://api.example.com/v1/chat/completions");
    private final UpstreamClients env = new UpstreamClients(
            new OutboundProxyConfig("http://127.0.0.1:3128", "", "bypass.example"));
    private final UpstreamClients none = new UpstreamClients(OutboundProxyConfig.NONE);

    @AfterEach
    void close() {
        env.close();
        none.close();
    }

    @Test
    void proxyUrlWinsOverTheEnvironment() {
        ProxySelector s = env.selector("http://127.0.0.1:8888");
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 8888))),
                s.select(URI.create("http://bypass.example/")));
    }

    @Test
    void withoutProxyUrlTheEnvironmentApplies() {
        ProxySelector s = env.selector("");
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 3128))), s.select(TARGET));
        assertEquals(List.of(Proxy.NO_PROXY), s.select(URI.create("http://bypass.example/")));
    }

    @Test
    void anUnusableProxyUrlFallsBackToTheEnvironment() {
        assertEquals(env.selector(""), env.selector("socks5://127.0.0.1:1080"));
    }

    @Test
    void withNothingConfiguredTheJvmDefaultApplies() {
        ProxySelector dflt = ProxySelector.getDefault();
        assertSame(dflt == null ? HttpClient.Builder.NO_PROXY : dflt, none.selector(""));
    }

    @Test
    void theJdkClientUsesTheOutboundTlsContext() {
        String cacerts = java.nio.file.Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString();
        io.gptload.shared.config.OutboundTls tls = io.gptload.shared.config.OutboundTls.read(
                java.util.Map.of(io.gptload.shared.config.OutboundTls.STORE, cacerts)::get);
        UpstreamClients clients = new UpstreamClients(OutboundProxyConfig.NONE, tls);
        try {
            assertSame(tls.context(), clients.client(new ClientProfile(Duration.ofSeconds(5), "http://127.0.0.1:3128"))
                    .sslContext());
        } finally {
            clients.close();
        }
    }

    @Test
    void clientsArePooledPerProfileAndNeverFollowRedirects() {
        ClientProfile p = new ClientProfile(Duration.ofSeconds(5), "");
        HttpClient c = none.client(p);
        assertSame(c, none.client(new ClientProfile(Duration.ofSeconds(5), " ")));
        assertEquals(HttpClient.Redirect.NEVER, c.followRedirects());
    }

    @Test
    void cancelledDeadlinesLeaveTheSchedulersQueueAtOnce() {
        java.util.concurrent.ScheduledThreadPoolExecutor s = UpstreamClients.deadlineScheduler();
        try {
            for (int i = 0; i < 10_000; i++) {
                s.schedule(() -> { }, 600, java.util.concurrent.TimeUnit.SECONDS).cancel(false);
            }
            assertEquals(0, s.getQueue().size());
        } finally {
            s.shutdownNow();
        }
    }

    @Test
    void nullConfigIsRefused() {
        assertThrows(NullPointerException.class, () -> new UpstreamClients(null));
    }
}
