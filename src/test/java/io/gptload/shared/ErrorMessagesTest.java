package io.gptload.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMessagesTest {

    private static String parse(String body) {
        return ErrorMessages.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        {"error":{"message":"Incorrect API key","type":"invalid_request_error"},"message":"outer"} | Incorrect API key
        {"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}} | Resource has been exhausted
        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} | Overloaded
        {"error_msg":"baidu style","error":"plain","message":"m"} | baidu style
        {"error":"plain string","message":"m"} | plain string
        {"error":{"message":""},"message":"fallback"} | fallback
        {"error":{"code":1},"message":"only message"} | only message
        {"message":"caf\\u00e9"} | café
        """)
    void picksTheFirstMessageInOrder(String body, String expected) {
        assertEquals(expected, parse(body));
    }

    @Test
    void fallsBackToTheRawBody() {
        assertEquals("<html>Bad Gateway</html>", parse("<html>Bad Gateway</html>"));
        assertEquals("{\"error\":42}", parse("{\"error\":42}"));
        assertEquals("[{\"error\":{\"message\":\"x\"}}]", parse("[{\"error\":{\"message\":\"x\"}}]"));
        assertEquals("  \n", parse("  \n"));
        assertEquals("", ErrorMessages.parse(new byte[0]));
        assertEquals("", ErrorMessages.parse(null));
    }

    @Test
    void truncatesTo2048BytesOnACharacterBoundary() {
        assertEquals(2048, parse("a".repeat(5000)).length());
        // 2047 ASCII bytes then a 3-byte character: cutting at 2048 would split it
        String cut = parse("a".repeat(2047) + "世界");
        assertEquals("a".repeat(2047), cut);
        String emoji = parse("{\"error\":{\"message\":\"" + "😀".repeat(600) + "\"}}");
        assertEquals(2048, emoji.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("😀".repeat(512), emoji);
        String odd = parse("b" + "😀".repeat(600));
        assertEquals("b" + "😀".repeat(511), odd);
    }

    @Test
    void uncountedMessagesAreCaseInsensitive() {
        assertTrue(ErrorMessages.isUncounted("429: RESOURCE HAS BEEN EXHAUSTED (e.g. check quota)."));
        assertTrue(ErrorMessages.isUncounted("Please reduce the length of the messages or completion."));
        assertFalse(ErrorMessages.isUncounted("Invalid API key"));
        assertFalse(ErrorMessages.isUncounted(null));
    }
}
