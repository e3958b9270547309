package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrizzlyProxyHandlerTest {

    @Test
    void theGroupIsTheSegmentAfterProxyDecodedAsJaxRsDecodesAPathParameter() {
        assertEquals("g", GrizzlyProxyHandler.groupSegment("/proxy/g/v1/chat/completions"));
        assertEquals("g", GrizzlyProxyHandler.groupSegment("/proxy/g"));
        assertEquals("g", GrizzlyProxyHandler.groupSegment("/ctx/proxy/g/"));
        assertEquals("a b", GrizzlyProxyHandler.groupSegment("/proxy/a%20b/x"));
        assertEquals("a+b", GrizzlyProxyHandler.groupSegment("/proxy/a+b/x"), "a plus is not a space in a path");
        assertEquals("a%zz", GrizzlyProxyHandler.groupSegment("/proxy/a%zz/x"), "a bad escape stays as sent");
    }

    @Test
    void aPathWithoutAGroupNamesNone() {
        assertNull(GrizzlyProxyHandler.groupSegment("/proxy"));
        assertNull(GrizzlyProxyHandler.groupSegment("/proxy/"));
        assertNull(GrizzlyProxyHandler.groupSegment("/proxy//v1"));
    }

    @Test
    void theRouterTakesTheProxyPrefixAndWhatIsBelowItOnly() {
        assertTrue(GrizzlyProxyRouter.isProxyPath("/proxy", "/proxy"));
        assertTrue(GrizzlyProxyRouter.isProxyPath("/proxy/", "/proxy"));
        assertTrue(GrizzlyProxyRouter.isProxyPath("/proxy/g/v1/chat/completions", "/proxy"));
        assertTrue(GrizzlyProxyRouter.isProxyPath("/ctx/proxy/g", "/ctx/proxy"));
        assertFalse(GrizzlyProxyRouter.isProxyPath("/proxyfoo", "/proxy"));
        assertFalse(GrizzlyProxyRouter.isProxyPath("/api/groups", "/proxy"));
        assertFalse(GrizzlyProxyRouter.isProxyPath("/", "/proxy"));
        assertFalse(GrizzlyProxyRouter.isProxyPath(null, "/proxy"));
    }

    @Test
    void theRouterKnowsAWellFormedEscapeFromABrokenOne() {
        for (String ok : new String[] {"/", "/api/groups", "/a%20b", "/%E0%A4%A4", "/x%2fy%2F", "/%00", "/100%25"}) {
            assertTrue(GrizzlyProxyRouter.wellFormedEscapes(ok), ok);
        }
        for (String bad : new String[] {"/%", "/a%", "/a%2", "/%zz", "/%g1", "/%1g", "/ok%20then%", "/%\u0660\u0661"}) {
            assertFalse(GrizzlyProxyRouter.wellFormedEscapes(bad), bad);
        }
    }

    @Test
    void theRouterDecodesAsTheServerWouldWithoutDecidingOnEncodedSlashes() {
        assertTrue(GrizzlyProxyRouter.decodable("/api/a%2Fb", "UTF-8"), "an encoded slash is the server's to judge");
        assertTrue(GrizzlyProxyRouter.decodable("/caf%C3%A9", "UTF-8"));
        assertTrue(GrizzlyProxyRouter.decodable("/caf\u00c3\u00a9", "UTF-8")); // raw UTF-8 bytes
        assertFalse(GrizzlyProxyRouter.decodable("/%E0%A4", "UTF-8"));
        assertFalse(GrizzlyProxyRouter.decodable("/caf\u00e9", "UTF-8")); // a raw Latin-1 byte
        assertTrue(GrizzlyProxyRouter.decodable("/caf\u00e9", "ISO-8859-1"));
        assertFalse(GrizzlyProxyRouter.decodable("/%zz", "ISO-8859-1"));
        assertFalse(GrizzlyProxyRouter.decodable(null, "UTF-8"));
    }
}
