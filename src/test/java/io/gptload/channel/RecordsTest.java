package io.gptload.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void clientRequestValidates() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRequest("GET", "v1/models", "", h -> null, new byte[0]));
        assertThrows(NullPointerException.class, () -> new ClientRequest("GET", "/", null, h -> null, new byte[0]));
        assertThrows(NullPointerException.class, () -> new ClientRequest("GET", "/", "", h -> null, null));
    }

    @Test
    void upstreamCallCopiesHeadersAndHidesSecrets() {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Authorization", "Bearer sk-secret")));
        UpstreamCall call = new UpstreamCall(URI.create("https://h/v1beta/models/x:generateContent?key=AIza-secret"), headers, new byte[3]);
        headers.clear();
        assertEquals(1, call.headers().size());
        assertEquals("Bearer sk-secret", call.header("AUTHORIZATION"));
        assertNull(call.header("x-api-key"));
        assertEquals("UpstreamCall[https://h/v1beta/models/x:generateContent, 3 bytes]", call.toString());
    }

    @Test
    void adaptersExistForEveryType() {
        for (ChannelType t : ChannelType.values()) {
            assertEquals(t, ChannelAdapters.of(t).type());
        }
        assertThrows(NullPointerException.class, () -> ChannelAdapters.of(null));
    }
}
