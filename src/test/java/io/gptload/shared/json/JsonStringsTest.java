package io.gptload.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void quotesControlCharactersQuotesAndBackslashes() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\"", JsonStrings.quote("a\"b\\c\n\r\t\b\f\u0000\u001f"));
    }

    @Test
    void keepsNonAsciiAndProperSurrogatePairs() {
        assertEquals("\"é日本😀/\"", JsonStrings.quote("é日本😀/"));
    }

    @Test
    void escapesLoneSurrogatesAndLineSeparators() {
        assertEquals("\"\\ud800x\\udc00\\u2028\"", JsonStrings.quote("\uD800x\uDC00\u2028"));
    }

    @Test
    void decodeRoundTripsQuote() {
        String text = "q\"\\\n\u0001é😀\uD800";
        byte[] lit = JsonStrings.quote(text).getBytes(StandardCharsets.UTF_8);
        assertEquals(text, JsonStrings.decode(lit, 0, lit.length));
    }

    @Test
    void quoteRejectsNull() {
        assertThrows(NullPointerException.class, () -> JsonStrings.quote(null));
    }
}
