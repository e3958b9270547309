package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsExactlyTheDeclaredLength() throws IOException {
        assertArrayEquals(bytes("{\"a\":1}"), BoundedBody.read(in("{\"a\":1}"), 100, "7"));
        assertArrayEquals(bytes("{\"a\":1}"), BoundedBody.read(in("{\"a\":1}"), 7, " 7 "));
    }

    @Test
    void aBodyEndingBeforeItsDeclaredLengthIsWhatArrived() throws IOException {
        assertArrayEquals(bytes("abc"), BoundedBody.read(in("abc"), 100, "10"));
    }

    @Test
    void zeroLengthIsEmpty() throws IOException {
        assertArrayEquals(new byte[0], BoundedBody.read(in(""), 100, "0"));
        assertArrayEquals(new byte[0], BoundedBody.read(null, 100, null));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws IOException {
        assertNull(BoundedBody.read(in("x".repeat(8)), 7, "8"));
    }

    @Test
    void withoutALengthTheLimitIsCountedWhileReading() throws IOException {
        assertArrayEquals(bytes("x".repeat(7)), BoundedBody.read(in("x".repeat(7)), 7, null));
        assertNull(BoundedBody.read(in("x".repeat(8)), 7, null));
        assertNull(BoundedBody.read(in("x".repeat(8)), 7, "not a number"));
    }
}
