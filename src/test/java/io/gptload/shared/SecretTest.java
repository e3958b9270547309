package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void maskKeepsFirstAndLastFour() {
        assertEquals("abcd****wxyz", Secret.mask("abcdefghijklmnopqrstuvwxyz"));
        assertEquals("sk-a****7890", Secret.mask("sk-abcdef1234567890"));
    }

    @Test
    void maskOfNineCharactersShowsEightOfThem() {
        assertEquals("1234****6789", Secret.mask("123456789"));
    }

    @Test
    void shortSecretsAreFullyHidden() {
        assertEquals("****", Secret.mask("12345678"));
        assertEquals("****", Secret.mask("abc"));
        assertEquals("****", Secret.mask("a"));
        assertEquals("****", Secret.mask(""));
        assertEquals("****", Secret.mask(null));
    }

    @Test
    void maskCountsCodePointsNotSurrogateHalves() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        String value = emoji.repeat(4) + "x" + emoji.repeat(4);
        assertEquals(emoji.repeat(4) + "****" + emoji.repeat(4), Secret.mask(value));
        assertEquals("****", Secret.mask(emoji.repeat(8)));
    }

    @Test
    void toStringNeverRevealsTheValue() {
        Secret secret = new Secret("sk-live-0123456789abcdef");
        assertEquals("sk-l****cdef", secret.toString());
        assertFalse(secret.toString().contains("0123456789"));
        assertEquals("****", new Secret("short").toString());
        assertFalse(String.valueOf(new Secret("short")).contains("short"));
    }

    @Test
    void valueReturnsTheSecret() {
        assertEquals("sk-live-0123456789abcdef", new Secret("sk-live-0123456789abcdef").value());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(new Secret("k-1234567890"), new Secret("k-1234567890"));
        assertEquals(new Secret("k-1234567890").hashCode(), new Secret("k-1234567890").hashCode());
        assertNotEquals(new Secret("k-1234567890"), new Secret("k-1234567891"));
    }

    @Test
    void matchesComparesExactly() {
        Secret secret = new Secret("pässwörd-123");
        assertTrue(secret.matches("pässwörd-123"));
        assertFalse(secret.matches("pässwörd-12"));
        assertFalse(secret.matches("pässwörd-1234"));
        assertFalse(secret.matches("PÄSSWÖRD-123"));
        assertFalse(secret.matches(""));
        assertFalse(secret.matches(null));
        assertTrue(new Secret("").matches(""));
    }

    @Test
    void rejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Secret(null));
        assertTrue(e.getMessage().contains("secret"));
    }

    @Test
    void isEmpty() {
        assertTrue(new Secret("").isEmpty());
        assertFalse(new Secret("x").isEmpty());
    }
}
