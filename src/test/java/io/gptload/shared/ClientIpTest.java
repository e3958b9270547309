package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIpTest {

    private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.2",
            "X-Real-IP", "198.51.100.1");

    @Test
    void forwardedHeadersAreIgnoredByDefault() {
        assertEquals("10.1.2.3", new ClientIp(List.of()).resolve("10.1.2.3", FORWARDED::get));
    }

    @Test
    void trustedPeerIsBelievedCidrAndSingleIp() {
        ClientIp ip = new ClientIp(List.of("10.0.0.0/8", "192.168.1.5", "::1/128"));
        assertEquals("203.0.113.7", ip.resolve("10.9.9.9", FORWARDED::get));
        assertEquals("203.0.113.7", ip.resolve("192.168.1.5", FORWARDED::get));
        assertEquals("192.168.1.6", ip.resolve("192.168.1.6", FORWARDED::get));
        assertEquals("203.0.113.7", ip.resolve("0:0:0:0:0:0:0:1", FORWARDED::get));
        assertEquals("198.51.100.1", ip.resolve("10.9.9.9", Map.of("X-Real-IP", "198.51.100.1")::get));
        assertEquals("10.9.9.9", ip.resolve("10.9.9.9", Map.<String, String>of()::get));
    }

    @Test
    void invalidEntriesTrustNobody() {
        ClientIp ip = new ClientIp(List.of("not-an-ip/x", "10.0.0.0/99"));
        assertEquals("10.9.9.9", ip.resolve("10.9.9.9", FORWARDED::get));
    }
}
