package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY = "AIzaSyA-1234567890abcdef";

    @Test
    void replacesEveryOccurrenceInText() {
        String text = "Get \"https://x/v1beta/models?key=" + KEY + "\": dial tcp; key " + KEY + " again";
        assertEquals("Get \"https://x/v1beta/models?key=AIza****cdef\": dial tcp; key AIza****cdef again",
                Redactor.redact(text, KEY));
    }

    @Test
    void shortSecretIsReplacedByStars() {
        assertEquals("bad key **** given", Redactor.redact("bad key abc123 given", "abc123"));
    }

    @Test
    void textWithoutSecretIsUnchanged() {
        String text = "nothing to hide";
        assertSame(text, Redactor.redact(text, KEY));
    }

    @Test
    void nullOrEmptyInputsLeaveTextUnchanged() {
        assertEquals("text", Redactor.redact("text", null));
        assertEquals("text", Redactor.redact("text", ""));
        assertNull(Redactor.redact((String) null, KEY));
        assertEquals("", Redactor.redact("", KEY));
    }

    @Test
    void replacesEveryOccurrenceInBytes() {
        byte[] body = ("{\"error\":\"" + KEY + KEY + "\", \"k\":\"" + KEY + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] redacted = Redactor.redact(body, KEY);
        assertEquals("{\"error\":\"AIza****cdefAIza****cdef\", \"k\":\"AIza****cdef\"}",
                new String(redacted, StandardCharsets.UTF_8));
    }

    @Test
    void bytesAtStartAndEnd() {
        byte[] body = (KEY + " middle " + KEY).getBytes(StandardCharsets.UTF_8);
        assertEquals("AIza****cdef middle AIza****cdef",
                new String(Redactor.redact(body, KEY), StandardCharsets.UTF_8));
        assertEquals("AIza****cdef",
                new String(Redactor.redact(KEY.getBytes(StandardCharsets.UTF_8), KEY), StandardCharsets.UTF_8));
    }

    @Test
    void bytesUseUtf8OfTheSecret() {
        String secret = "clé-secrète-ü-0001";
        byte[] body = ("x" + secret + "y").getBytes(StandardCharsets.UTF_8);
        assertEquals("xclé-****0001y", new String(Redactor.redact(body, secret), StandardCharsets.UTF_8));
    }

    @Test
    void bytesWithoutMatchReturnSameInstance() {
        byte[] body = "no secret here, only AIzaSyA-123456789".getBytes(StandardCharsets.UTF_8);
        byte[] copy = body.clone();
        assertSame(body, Redactor.redact(body, KEY));
        assertArrayEquals(copy, body);
        byte[] tiny = {1, 2};
        assertSame(tiny, Redactor.redact(tiny, KEY));
    }

    @Test
    void bytesWithNullOrEmptyInputsAreReturnedAsIs() {
        byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
        assertSame(body, Redactor.redact(body, null));
        assertSame(body, Redactor.redact(body, ""));
        assertNull(Redactor.redact((byte[]) null, KEY));
        byte[] empty = new byte[0];
        assertSame(empty, Redactor.redact(empty, KEY));
    }

    @Test
    void overlappingCandidatesAreHandled() {
        // "aaaaaaaaab" inside "aaaaaaaaaaab": the match starts after a false start
        String secret = "aaaaaaaaab";
        byte[] body = "aaaaaaaaaaab".getBytes(StandardCharsets.UTF_8);
        assertEquals("aa" + "aaaa****aaab", new String(Redactor.redact(body, secret), StandardCharsets.UTF_8));
        assertEquals("aa" + "aaaa****aaab", Redactor.redact("aaaaaaaaaaab", secret));
    }
}
