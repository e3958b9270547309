package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.config.OutboundProxyConfig;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentProxySelectorTest {

    private static final Proxy HTTP = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 3128));
    private static final Proxy HTTPS = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 3129));
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private static EnvironmentProxySelector selector(String http, String https, String no) {
        return new EnvironmentProxySelector(new OutboundProxyConfig(http, https, no));
    }

    private static List<Proxy> select(EnvironmentProxySelector s, String uri) {
        return s.select(URI.create(uri));
    }

    @Test
    void eachSchemeUsesItsOwnVariable() {
        EnvironmentProxySelector s = selector("http://127.0.0.1:3128", "127.0.0.1:3129", "");
        assertTrue(s.active());
        assertEquals(List.of(HTTP), select(s, "http://api.example.com/v1/x"));
        assertEquals(List.of(HTTPS), select(s, "https://api.example.com/v1/x"));
        assertEquals(DIRECT, select(s, "ftp://api.example.com/"));
    }

    @Test
    void httpsDoesNotFallBackToHttpProxy() {
        EnvironmentProxySelector s = selector("http://127.0.0.1:3128", "", "");
        assertEquals(DIRECT, select(s, "https://api.example.com/"));
        assertEquals(List.of(HTTP), select(s, "http://api.example.com/"));
    }

    @Test
    void noProxyAndLoopbackGoDirect() {
        EnvironmentProxySelector s = selector("http://127.0.0.1:3128", "http://127.0.0.1:3129",
                "internal.example, 10.0.0.0/8, api.example.com:443");
        assertEquals(DIRECT, select(s, "http://svc.internal.example/"));
        assertEquals(DIRECT, select(s, "http://10.9.8.7:8080/"));
        assertEquals(DIRECT, select(s, "https://api.example.com/"));
        assertEquals(List.of(HTTP), select(s, "http://api.example.com/"));
        assertEquals(DIRECT, select(s, "http://api.example.com:443/"), "explicit :443 matches the port entry");
        assertEquals(DIRECT, select(s, "http://localhost:8080/"));
        assertEquals(DIRECT, select(s, "https://127.0.0.1/"));
        assertEquals(DIRECT, select(s, "http://[::1]:9/"));
    }

    @Test
    void unusableVariablesCountAsUnset() {
        EnvironmentProxySelector s = selector("socks5://127.0.0.1:1080", "ftp://x", "");
        assertFalse(s.active());
        assertEquals(DIRECT, select(s, "http://api.example.com/"));
        assertFalse(selector("", "", "x").active());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new EnvironmentProxySelector(null));
        assertThrows(NullPointerException.class, () -> selector("", "", "").select(null));
    }
}
