package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProxyGateTest {

    @Test
    void headerStringReadsTheSnapshotAsJaxRsWould() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Accept", List.of("text/event-stream", "application/json"));
        Function<String, String> h = ProxyGate.headerString(headers);
        assertEquals("application/json", h.apply("content-type"), "case-insensitive");
        assertEquals("text/event-stream,application/json", h.apply("Accept"), "several values joined by commas");
        assertNull(h.apply("X-Missing"));
    }

    @Test
    void suffixAfterGroupKeepsTheRawRest() {
        assertEquals("/v1/chat/completions", ProxyGate.suffixAfterGroup("/proxy/g/v1/chat/completions"));
        assertEquals("/", ProxyGate.suffixAfterGroup("/proxy/g"));
        assertEquals("/a%2Fb", ProxyGate.suffixAfterGroup("/proxy/g%20x/a%2Fb"));
    }
}
