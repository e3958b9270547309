package io.gptload.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PresentedKeyTest {

    @Test
    void queryKeyWinsAndIsRemoved() {
        PresentedKey k = PresentedKey.from("alt=sse&key=pk%2B1&x=2", Map.of("Authorization", "Bearer other")::get);
        assertEquals("pk+1", k.key());
        assertEquals("alt=sse&x=2", k.remainingQuery());
    }

    @Test
    void headersInGptLoadsOrder() {
        assertEquals("b", PresentedKey.from("", Map.of("Authorization", "Bearer b", "X-Api-Key", "x")::get).key());
        assertEquals("x", PresentedKey.from(null, Map.of("Authorization", "Basic zzz", "X-Api-Key", "x")::get).key());
        assertEquals("g", PresentedKey.from(null, Map.of("X-Goog-Api-Key", "g")::get).key());
        assertEquals("x", PresentedKey.from(null, Map.of("Authorization", "bearer lower", "X-Api-Key", "x")::get).key(),
                "the Bearer prefix is case-sensitive");
        assertFalse(PresentedKey.from("a=1", Map.<String, String>of()::get).present());
    }

    @Test
    void toStringHidesTheKey() {
        assertFalse(PresentedKey.from("key=secret-proxy-key", k -> null).toString().contains("secret"));
    }

    @Test
    void proxyKeyCheckUsesGlobalAndGroupKeys() {
        assertTrue(ProxyKeyCheck.allowed("g1", Set.of("g1"), Set.of()));
        assertTrue(ProxyKeyCheck.allowed("p1", Set.of("g1"), Set.of("p1")));
        assertFalse(ProxyKeyCheck.allowed("p2", Set.of("g1"), Set.of("p1")));
        assertFalse(ProxyKeyCheck.allowed("", Set.of(""), Set.of()));
        assertFalse(ProxyKeyCheck.allowed(null, Set.of("g1"), Set.of()));
    }
}
