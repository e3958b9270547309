package io.gptload.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.config.GatewayConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static CorsPolicy policy(boolean on, List<String> origins, boolean creds) {
        return CorsPolicy.of(new GatewayConfig.Cors(on, origins, List.of("GET", "POST"), List.of("*"), creds));
    }

    @Test
    void offByDefaultAddsNothing() {
        CorsPolicy p = policy(false, List.of("*"), false);
        assertEquals(Map.of(), p.headersFor("https://a.example"));
        assertFalse(p.shortCircuits("OPTIONS"));
        assertNull(p.problem());
    }

    @Test
    void echoesAnAllowedOrigin() {
        CorsPolicy p = policy(true, List.of("https://a.example"), true);
        Map<String, String> h = p.headersFor("https://a.example");
        assertEquals("https://a.example", h.get("Access-Control-Allow-Origin"));
        assertEquals("GET, POST", h.get("Access-Control-Allow-Methods"));
        assertEquals("*", h.get("Access-Control-Allow-Headers"));
        assertEquals("true", h.get("Access-Control-Allow-Credentials"));
        assertEquals(Map.of(), p.headersFor("https://evil.example"));
        assertEquals(Map.of(), p.headersFor(null));
        assertTrue(p.shortCircuits("options"));
    }

    @Test
    void wildcardAllowsAnyOriginAndEmptyOriginsAreRefused() {
        assertEquals("https://x.example",
                policy(true, List.of("*"), false).headersFor("https://x.example").get("Access-Control-Allow-Origin"));
        assertFalse(policy(true, List.of("*"), false).headersFor("https://x.example")
                .containsKey("Access-Control-Allow-Credentials"));
        assertTrue(policy(true, List.of(), false).problem().contains("ALLOWED_ORIGINS"));
    }
}
