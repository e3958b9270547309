package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void keepsOnlyWhatTheGatewayCanDecode() {
        assertEquals("gzip, deflate", AcceptEncoding.narrowed("gzip, deflate, br, zstd"));
        assertEquals("gzip;q=1.0, identity;q=0.5", AcceptEncoding.narrowed("br;q=1.0, gzip;q=1.0, identity;q=0.5"));
        assertEquals("GZIP", AcceptEncoding.narrowed("GZIP"));
        assertNull(AcceptEncoding.narrowed("br"));
        assertNull(AcceptEncoding.narrowed(null));
    }
}
