package io.gptload.upstream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoProxyRulesTest {

    private static boolean bypass(String noProxy, String host, int port) {
        return NoProxyRules.parse(noProxy).bypass(host, port);
    }

    @Test
    void loopbackAndLocalhostNeverUseTheProxy() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]",
                "::ffff:127.0.0.1"}) {
            assertTrue(bypass("", host, 80), host);
            assertTrue(bypass(null, host, 80), host);
        }
        assertFalse(bypass("", "api.example.com", 443));
        assertFalse(bypass("", "10.0.0.1", 80));
        assertFalse(bypass("", "localhost.example", 80));
    }

    @Test
    void starMatchesEverything() {
        assertTrue(bypass("*", "api.example.com", 443));
        assertTrue(bypass("foo, * ,bar", "10.1.1.1", 80));
        assertFalse(bypass("*.", "api.example.com", 443));
    }

    @Test
    void plainDomainMatchesItselfAndSubdomains() {
        assertTrue(bypass("example.com", "example.com", 443));
        assertTrue(bypass("example.com", "api.example.com", 443));
        assertTrue(bypass("Example.COM", "API.example.com", 443));
        assertFalse(bypass("example.com", "badexample.com", 443));
        assertFalse(bypass("example.com", "example.com.evil", 443));
    }

    @Test
    void leadingDotOrStarMatchesOnlySubdomains() {
        for (String entry : new String[] {".example.com", "*.example.com"}) {
            assertTrue(bypass(entry, "api.example.com", 443), entry);
            assertTrue(bypass(entry, "a.b.example.com", 443), entry);
            assertFalse(bypass(entry, "example.com", 443), entry);
        }
    }

    @Test
    void portsMustMatchWhenGiven() {
        assertTrue(bypass("example.com:443", "example.com", 443));
        assertFalse(bypass("example.com:443", "example.com", 80));
        assertTrue(bypass("10.0.0.1:8080", "10.0.0.1", 8080));
        assertFalse(bypass("10.0.0.1:8080", "10.0.0.1", 80));
        assertTrue(bypass("[2001:db8::1]:443", "2001:db8::1", 443));
        assertFalse(bypass("[2001:db8::1]:443", "2001:db8::1", 80));
    }

    @Test
    void ipEntriesMatchExactAddresses() {
        assertTrue(bypass("10.0.0.1", "10.0.0.1", 80));
        assertFalse(bypass("10.0.0.1", "10.0.0.2", 80));
        assertTrue(bypass("2001:db8::1", "[2001:db8::1]", 80));
        assertTrue(bypass("2001:DB8:0:0::1", "2001:db8::1", 80));
    }

    @Test
    void cidrEntriesMatchRanges() {
        assertTrue(bypass("10.0.0.0/8", "10.200.3.4", 443));
        assertFalse(bypass("10.0.0.0/8", "11.0.0.1", 443));
        assertTrue(bypass("192.168.1.0/25", "192.168.1.127", 80));
        assertFalse(bypass("192.168.1.0/25", "192.168.1.128", 80));
        assertTrue(bypass("2001:db8::/32", "2001:db8:ffff::1", 80));
        assertFalse(bypass("2001:db8::/32", "2001:db9::1", 80));
        assertFalse(bypass("10.0.0.0/8", "ten.example", 80));
        assertTrue(bypass("0.0.0.0/0", "8.8.8.8", 80));
    }

    @Test
    void ipEntriesDoNotMatchNamesAndNamesDoNotResolve() {
        assertFalse(bypass("10.0.0.1", "host.example", 80));
        assertFalse(bypass("host.example", "10.0.0.1", 80));
    }

    @Test
    void malformedEntriesAreIgnored() {
        NoProxyRules r = NoProxyRules.parse(" , :80, 10.0.0.0/99, 300.1.1.1/8, [::1, ,a:b:c, example.org ");
        assertTrue(r.bypass("example.org", 443));
        assertFalse(r.bypass("10.1.1.1", 80));
        assertFalse(r.bypass("api.example.com", 80));
        assertFalse(r.bypass("", 80));
        assertFalse(r.bypass(null, 80));
    }
}
