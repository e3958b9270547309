package io.gptload.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundProxyConfigTest {

    private static OutboundProxyConfig read(Map<String, String> env) {
        return OutboundProxyConfig.read(new ConfigLookup(k -> Optional.ofNullable(env.get(k))));
    }

    @Test
    void nothingSetMeansNoProxy() {
        OutboundProxyConfig c = read(Map.of());
        assertEquals(OutboundProxyConfig.NONE, c);
        assertFalse(c.anyProxy());
    }

    @Test
    void upperCaseNamesAreRead() {
        OutboundProxyConfig c = read(Map.of("HTTP_PROXY", " http://p:3128 ", "HTTPS_PROXY", "http://s:3129",
                "NO_PROXY", "internal.example,10.0.0.0/8"));
        assertEquals(new OutboundProxyConfig("http://p:3128", "http://s:3129", "internal.example,10.0.0.0/8"), c);
        assertTrue(c.anyProxy());
    }

    @Test
    void lowerCaseNamesAreReadWhenUpperCaseIsMissingOrBlank() {
        OutboundProxyConfig c = read(Map.of("http_proxy", "http://p:1", "HTTPS_PROXY", "  ",
                "https_proxy", "http://s:2", "no_proxy", "*"));
        assertEquals(new OutboundProxyConfig("http://p:1", "http://s:2", "*"), c);
    }

    @Test
    void upperCaseWins() {
        OutboundProxyConfig c = read(Map.of("HTTP_PROXY", "http://upper:1", "http_proxy", "http://lower:1",
                "NO_PROXY", "a", "no_proxy", "b"));
        assertEquals("http://upper:1", c.httpProxy());
        assertEquals("a", c.noProxy());
    }

    @Test
    void onlyOneProxyIsEnough() {
        assertTrue(read(Map.of("HTTPS_PROXY", "http://s:1")).anyProxy());
        assertFalse(read(Map.of("NO_PROXY", "x")).anyProxy());
    }

    @Test
    void toStringHidesProxyCredentials() {
        String s = read(Map.of("HTTP_PROXY", "http://user:hunter2@p:3128")).toString();
        assertFalse(s.contains("hunter2"), s);
        assertTrue(s.contains("configured"), s);
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new OutboundProxyConfig(null, "", ""));
        assertThrows(NullPointerException.class, () -> new OutboundProxyConfig("", null, ""));
        assertThrows(NullPointerException.class, () -> new OutboundProxyConfig("", "", null));
    }
}
