package io.gptload.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpstreamUrlTest {

    @Test
    void joinsBasePathAndQuery() {
        assertEquals("https://api.openai.com/v1/chat/completions?x=1",
                UpstreamUrl.of("https://api.openai.com", "/v1/chat/completions", "x=1").toString());
        assertEquals("https://h/base/v1/models", UpstreamUrl.of("https://h/base//", "/v1/models", "").toString());
    }

    @Test
    void keepsEncodedTextAndEncodesWhatCannotAppearInAUri() {
        assertEquals("https://h/a%20b/%5Bx%5D/caf%C3%A9?q=a%2Bb&r=%7C%20%25zz&s=%F0%9F%98%80",
                UpstreamUrl.of("https://h", "/a%20b/[x]/café", "q=a%2Bb&r=| %zz&s=😀").toString());
        assertEquals("https://h/p%23frag?a=1?b", UpstreamUrl.of("https://h", "/p#frag", "a=1?b").toString());
    }

    @Test
    void rejectsABrokenBase() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamUrl.of("ht tp://x", "/", ""));
    }

    @Test
    void endpointsMayCarryAQuery() {
        assertEquals("https://h/v1/chat/completions?api-version=2024-10-21",
                UpstreamUrl.ofEndpoint("https://h/", "/v1/chat/completions?api-version=2024-10-21").toString());
        assertEquals("https://h/v1/x", UpstreamUrl.ofEndpoint("https://h", "v1/x").toString());
    }

    @Test
    void appendsAndReadsParameters() {
        assertEquals("key=a%2Fb%3D", UpstreamUrl.withParam("", "key", "a/b="));
        assertEquals("alt=sse&key=k", UpstreamUrl.withParam("alt=sse", "key", "k"));
        assertEquals("true", UpstreamUrl.firstParam("a=1&stream=true&stream=false", "stream"));
        assertEquals("", UpstreamUrl.firstParam("stream", "stream"));
        assertEquals("a b", UpstreamUrl.firstParam("page%54oken=a+b", "pageToken"));
        assertEquals("%zz", UpstreamUrl.firstParam("x=%zz", "x"));
        assertNull(UpstreamUrl.firstParam("", "stream"));
        assertNull(UpstreamUrl.firstParam("streams=true", "stream"));
    }
}
