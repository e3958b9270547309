package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyEndpointTest {

    private static Optional<ProxyEndpoint> parse(String s) {
        return ProxyEndpoint.parse(s);
    }

    @Test
    void httpAndHttpsUrlsWithDefaultPorts() {
        assertEquals(Optional.of(new ProxyEndpoint("proxy.example", 3128)), parse("http://proxy.example:3128"));
        assertEquals(Optional.of(new ProxyEndpoint("proxy.example", 80)), parse("http://proxy.example"));
        assertEquals(Optional.of(new ProxyEndpoint("proxy.example", 443)), parse("HTTPS://proxy.example/"));
        assertEquals(Optional.empty(), parse("  http://user:pw@p:8080  "), "credentials are not supported");
        assertEquals(Optional.of(new ProxyEndpoint("::1", 3128)), parse("http://[::1]:3128"));
    }

    @Test
    void aValueWithoutSchemeIsHttp() {
        assertEquals(Optional.of(new ProxyEndpoint("proxy.example", 3128)), parse("proxy.example:3128"));
        assertEquals(Optional.of(new ProxyEndpoint("10.0.0.1", 3128)), parse("10.0.0.1:3128"));
        assertEquals(Optional.of(new ProxyEndpoint("proxy.example", 80)), parse("proxy.example"));
        assertEquals(Optional.empty(), parse("user:pw@p:1"), "credentials are not supported");
    }

    @Test
    void otherSchemesAndJunkAreRefused() {
        for (String s : new String[] {null, "", "   ", "socks5://p:1080", "socks5h://p:1080", "ftp://p",
                "http://", "http://p:99999", "http:// bad host"}) {
            assertEquals(Optional.empty(), parse(s), String.valueOf(s));
        }
    }

    @Test
    void proxyIsAnHttpProxyAtTheAddress() {
        Proxy p = new ProxyEndpoint("127.0.0.1", 3128).proxy();
        assertEquals(Proxy.Type.HTTP, p.type());
        assertEquals(new InetSocketAddress("127.0.0.1", 3128), p.address());
    }

    @Test
    void constructorValidates() {
        assertThrows(NullPointerException.class, () -> new ProxyEndpoint(null, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProxyEndpoint("", 1));
        assertThrows(IllegalArgumentException.class, () -> new ProxyEndpoint("h", 0));
        assertThrows(IllegalArgumentException.class, () -> new ProxyEndpoint("h", 65536));
    }
}
