package io.gptload.shared.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " { } ", "\uFEFF{\"a\":1}", "{\"a\":[1,2,{\"b\":null}],\"c\":{\"d\":[]}}",
        "{\"n\":-0.5e+10,\"z\":0,\"t\":true,\"f\":false}", "\n\t{\"a\" : \"x\\\"y\\u00e9\\n\" }\r\n",
        "{\"deep\":[[[[[[[[[[[[[[[[[[[[[[{\"x\":[1]}]]]]]]]]]]]]]]]]]]]]]]}"
    })
    void acceptsObjects(String json) {
        assertTrue(JsonFields.isObject(b(json)), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "[]", "\"s\"", "1", "null", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}",
        "{\"a\":1}{}", "{\"a\":1} x", "{a:1}", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
        "{\"a\":1e}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":True}", "{\"a\":\"x}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12G4\"}", "{\"a\":\"tab\there\"}", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\":1]}",
        "{\"a\":[}", "{\"a\":{\"b\"}}", "{\"a\":NaN}", "{\"a\":1 \"b\":2}"
    })
    void rejectsMalformedOrNonObjects(String json) {
        byte[] body = b(json);
        assertFalse(JsonFields.isObject(body), json);
        assertEquals(Optional.empty(), JsonFields.topLevelString(body, "a"));
        assertSame(body, JsonFields.setMembers(body, Map.of("a", "2")));
        assertSame(body, JsonFields.replaceString(body, "a", "y"));
    }

    @Test
    void nullBodyIsNotAnObject() {
        assertFalse(JsonFields.isObject(null));
        assertEquals(Optional.empty(), JsonFields.topLevelBoolean(null, "stream"));
    }

    @Test
    void replacesOnlyTheModelAndKeepsNumbersVerbatim() {
        byte[] in = b("{\"a\":1.0,\"model\":\"x\",\"b\":[1e3]}");
        assertEquals("{\"a\":1.0,\"model\":\"gpt-4o\",\"b\":[1e3]}", s(JsonFields.replaceString(in, "model", "gpt-4o")));
    }

    @Test
    void nestedMembersWithTheSameNameDoNotMatch() {
        byte[] in = b("{\"messages\":[{\"model\":\"inner\"}],\"meta\":{\"model\":\"deep\"}}");
        assertEquals(Optional.empty(), JsonFields.topLevelString(in, "model"));
        assertSame(in, JsonFields.replaceString(in, "model", "z"));
        byte[] withTop = b("{\"meta\":{\"model\":\"deep\"},\"model\":\"top\"}");
        assertEquals(Optional.of("top"), JsonFields.topLevelString(withTop, "model"));
        assertEquals("{\"meta\":{\"model\":\"deep\"},\"model\":\"new\"}",
                s(JsonFields.replaceString(withTop, "model", "new")));
    }

    @Test
    void stringMemberInsideAStringDoesNotMatch() {
        byte[] in = b("{\"prompt\":\"say \\\"model\\\":\\\"x\\\" please\"}");
        assertTrue(JsonFields.isObject(in));
        assertEquals(Optional.empty(), JsonFields.topLevelString(in, "model"));
    }

    @Test
    void decodesEscapesAndUnicode() {
        byte[] in = b("{\"model\":\"caf\\u00e9 \\\"q\\\" \\\\ \\/ \\n\\t \\ud83d\\ude00 日本\"}");
        assertEquals(Optional.of("café \"q\" \\ / \n\t \uD83D\uDE00 日本"), JsonFields.topLevelString(in, "model"));
    }

    @Test
    void matchesEscapedAndUnicodeKeys() {
        byte[] in = b("{\"mo\\u0064el\":\"a\",\"k\\\"ey\":\"b\",\"naïve\":\"c\"}");
        assertEquals(Optional.of("a"), JsonFields.topLevelString(in, "model"));
        assertEquals(Optional.of("b"), JsonFields.topLevelString(in, "k\"ey"));
        assertEquals(Optional.of("c"), JsonFields.topLevelString(in, "naïve"));
        assertEquals("{\"mo\\u0064el\":\"z\",\"k\\\"ey\":\"b\",\"naïve\":\"c\"}", s(JsonFields.replaceString(in, "model", "z")));
    }

    @Test
    void nonStringMemberIsNotAString() {
        byte[] in = b("{\"model\":42,\"stream\":\"true\"}");
        assertEquals(Optional.empty(), JsonFields.topLevelString(in, "model"));
        assertSame(in, JsonFields.replaceString(in, "model", "x"));
        assertEquals(Optional.empty(), JsonFields.topLevelBoolean(in, "stream"));
    }

    @Test
    void readsBooleans() {
        assertEquals(Optional.of(true), JsonFields.topLevelBoolean(b("{\"stream\" : true}"), "stream"));
        assertEquals(Optional.of(false), JsonFields.topLevelBoolean(b("{\"stream\":false}"), "stream"));
        assertEquals(Optional.empty(), JsonFields.topLevelBoolean(b("{\"stream\":null}"), "stream"));
        assertEquals(Optional.empty(), JsonFields.topLevelBoolean(b("{\"o\":{\"stream\":true}}"), "stream"));
    }

    @Test
    void duplicateKeysReadLastAndEditAll() {
        byte[] in = b("{\"model\":\"a\",\"x\":1,\"model\":\"b\"}");
        assertEquals(Optional.of("b"), JsonFields.topLevelString(in, "model"));
        assertEquals("{\"model\":\"c\",\"x\":1,\"model\":\"c\"}", s(JsonFields.replaceString(in, "model", "c")));
        assertEquals("{\"model\":7,\"x\":1,\"model\":7}", s(JsonFields.setMembers(in, Map.of("model", "7"))));
    }

    @Test
    void setMembersReplacesInPlaceAndAppendsInMapOrder() {
        byte[] in = b("{ \"temperature\" : 1.0 ,\n  \"model\":\"m\", \"n\": 1e3 }");
        Map<String, String> set = new LinkedHashMap<>();
        set.put("zeta", "{\"a\": [1, 2.50]}");
        set.put("temperature", "0.2");
        set.put("alpha", "\"s\"");
        assertEquals("{ \"temperature\" : 0.2 ,\n  \"model\":\"m\", \"n\": 1e3,\"zeta\":{\"a\": [1, 2.50]},\"alpha\":\"s\" }",
                s(JsonFields.setMembers(in, set)));
    }

    @Test
    void appendsToEmptyObjects() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("a", "1");
        set.put("b", "null");
        assertEquals("{\"a\":1,\"b\":null}", s(JsonFields.setMembers(b("{}"), set)));
        assertEquals("{ \n\"a\":1,\"b\":null}", s(JsonFields.setMembers(b("{ \n}"), set)));
    }

    @Test
    void appendedNamesAreEscaped() {
        assertEquals("{\"a\":1,\"q\\\"n\\n\":true}", s(JsonFields.setMembers(b("{\"a\":1}"), Map.of("q\"n\n", "true"))));
    }

    @Test
    void setMembersKeepsLeadingBomAndTrailingWhitespace() {
        byte[] in = b("\uFEFF  {\"a\":1}\n");
        assertEquals("\uFEFF  {\"a\":2}\n", s(JsonFields.setMembers(in, Map.of("a", "2"))));
    }

    @Test
    void setMembersWithNothingToSetReturnsSameInstance() {
        byte[] in = b("{\"a\":1}");
        assertSame(in, JsonFields.setMembers(in, Map.of()));
    }

    @Test
    void setMembersRejectsInvalidRawValues() {
        assertThrows(IllegalArgumentException.class, () -> JsonFields.setMembers(b("{}"), Map.of("a", "{oops")));
        assertThrows(IllegalArgumentException.class, () -> JsonFields.setMembers(b("{}"), Map.of("a", "1 2")));
    }

    @Test
    void replaceStringEscapesTheNewValue() {
        byte[] out = JsonFields.replaceString(b("{\"model\":\"x\"}"), "model", "a\"b\\c\nd\u0001é😀");
        assertEquals("{\"model\":\"a\\\"b\\\\c\\nd\\u0001é😀\"}", s(out));
        assertEquals(Optional.of("a\"b\\c\nd\u0001é😀"), JsonFields.topLevelString(out, "model"));
    }

    @Test
    void nonAsciiBytesAroundTheEditAreUntouched() {
        byte[] in = b("{\"text\":\"héllo 世界 \\u4e16\",\"model\":\"x\",\"n\":123456789012345678901234567890}");
        byte[] out = JsonFields.replaceString(in, "model", "y");
        assertArrayEquals(b("{\"text\":\"héllo 世界 \\u4e16\",\"model\":\"y\",\"n\":123456789012345678901234567890}"), out);
    }

    @Test
    void deepNestingIsScannedWithoutRecursion() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        byte[] in = b("{\"d\":" + deep + ",\"model\":\"x\"}");
        assertEquals(Optional.of("x"), JsonFields.topLevelString(in, "model"));
        assertFalse(JsonFields.isObject(b("{\"d\":" + "[".repeat(100_000) + "}")));
    }

    @Test
    void largeBodyIsFast() {
        StringBuilder sb = new StringBuilder("{\"messages\":[");
        while (sb.length() < 1_000_000) {
            sb.append("{\"role\":\"user\",\"content\":\"lorem ipsum \\\"dolor\\\" \\u00e9 sit amet 12345\",\"n\":[1.5,-2e-3,true,null]},");
        }
        sb.append("{}],\"model\":\"gpt\",\"stream\":true}");
        byte[] in = b(sb.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 20; i++) {
                assertEquals(Optional.of(true), JsonFields.topLevelBoolean(in, "stream"));
            }
        });
        byte[] out = JsonFields.replaceString(in, "model", "other");
        assertEquals(in.length + 2, out.length);
    }

    @Test
    void stringAtFollowsNestedObjects() {
        byte[] in = b("{\"error\":{\"code\":401,\"message\":\"bad \\\"key\\\"\",\"d\":{\"m\":\"x\"}}}");
        assertEquals(Optional.of("bad \"key\""), JsonFields.stringAt(in, "error", "message"));
        assertEquals(Optional.of("x"), JsonFields.stringAt(in, "error", "d", "m"));
        assertEquals(Optional.empty(), JsonFields.stringAt(in, "error", "code"));
        assertEquals(Optional.empty(), JsonFields.stringAt(in, "error", "code", "x"));
        assertEquals(Optional.empty(), JsonFields.stringAt(in, "error"));
        assertEquals(Optional.empty(), JsonFields.stringAt(in));
        assertEquals(Optional.empty(), JsonFields.stringAt(b("{\"error\":[{\"message\":\"x\"}]}"), "error", "message"));
    }
}
