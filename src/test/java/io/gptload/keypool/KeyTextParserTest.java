package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTextParserTest {

    @Test
    void splitsOnWhitespaceCommaAndSemicolon() {
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5", "k6"),
                KeyTextParser.parse("k1 k2,k3;k4\nk5\r\n\tk6"));
    }

    @Test
    void dropsEmptiesFromRepeatedSeparators() {
        assertEquals(List.of("a", "b"), KeyTextParser.parse(" ,, ;a;;, \n\n b ,;"));
    }

    @Test
    void deduplicatesKeepingFirstSeenOrder() {
        assertEquals(List.of("b", "a", "c"), KeyTextParser.parse("b a b c a"));
    }

    @Test
    void anyNonEmptyTokenIsAKey() {
        assertEquals(List.of("AIzaSy-x", "sk-ant-1", "plain"), KeyTextParser.parse("AIzaSy-x\nsk-ant-1\nplain"));
    }

    @Test
    void unicodeSpacesSeparateToo() {
        assertEquals(List.of("a", "b", "c"), KeyTextParser.parse("a\u00A0b\u3000c"));
    }

    @Test
    void nullAndBlankGiveEmptyList() {
        assertEquals(List.of(), KeyTextParser.parse(null));
        assertEquals(List.of(), KeyTextParser.parse(""));
        assertEquals(List.of(), KeyTextParser.parse(" \n\t ,; "));
    }

    @Test
    void jsonArrayOfStringsUsesElements() {
        assertEquals(List.of("sk-1", "sk-2"), KeyTextParser.parse("[\"sk-1\", \"sk-2\"]"));
        assertEquals(List.of("sk-1", "sk-2"), KeyTextParser.parse("  \n[\n  \"sk-1\",\n  \"sk-2\"\n]\n "));
    }

    @Test
    void jsonElementsAreNotSplitButAreTrimmedAndDeduplicated() {
        assertEquals(List.of("a b", "c,d", "e;f"), KeyTextParser.parse("[\" a b \", \"c,d\", \"\", \"e;f\", \"a b\"]"));
    }

    @Test
    void jsonEscapesAreDecoded() {
        assertEquals(List.of("a\"b", "c\\d", "e/f", "\u00e9\uD83D\uDD11", "x\ty"),
                KeyTextParser.parse("[\"a\\\"b\", \"c\\\\d\", \"e\\/f\", \"\\u00E9\\ud83d\\udd11\", \"x\\ty\"]"));
    }

    @Test
    void emptyJsonArrayGivesNoKeys() {
        assertEquals(List.of(), KeyTextParser.parse("[]"));
        assertEquals(List.of(), KeyTextParser.parse("[ \n ]"));
    }

    @Test
    void jsonLookingTextThatIsNotAnArrayOfStringsFallsBackToSplitting() {
        assertEquals(List.of("[1", "2]"), KeyTextParser.parse("[1, 2]"));
        assertEquals(List.of("[\"a\"", "null]"), KeyTextParser.parse("[\"a\", null]"));
        assertEquals(List.of("[\"a\"", "]"), KeyTextParser.parse("[\"a\",]"));
        assertEquals(List.of("[\"a\"]", "[\"b\"]"), KeyTextParser.parse("[\"a\"] [\"b\"]"));
        assertEquals(List.of("[\"bad\\qescape\"]"), KeyTextParser.parse("[\"bad\\qescape\"]"));
        assertEquals(List.of("[\"\\u12\"]"), KeyTextParser.parse("[\"\\u12\"]"));
        assertEquals(List.of("{\"keys\":[\"a\"", "\"b\"]}"), KeyTextParser.parse("{\"keys\":[\"a\", \"b\"]}"));
        assertEquals(List.of("[\"a\"", "\"b\"", "\"c\"]"), KeyTextParser.parse("[\"a\" \"b\"; \"c\"]"));
    }

    @Test
    void rawControlCharacterInsideJsonStringIsNotJson() {
        assertEquals(List.of("[\"a", "b\"]"), KeyTextParser.parse("[\"a\nb\"]"));
    }

    @Test
    void resultIsImmutable() {
        List<String> keys = KeyTextParser.parse("a b");
        assertThrows(UnsupportedOperationException.class, () -> keys.add("c"));
    }
}
