package io.gptload.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailoverCodeMatcherTest {

    @Test
    void defaultMatchesEverythingFrom400Except404() {
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parse(FailoverCodeMatcher.DEFAULT);
        for (int status = 100; status <= 999; status++) {
            assertEquals(status >= 400 && status != 404, matcher.matches(status), "status " + status);
        }
        assertEquals("400-403,405-999", matcher.toString());
    }

    @Test
    void outOfRangeStatusesNeverMatch() {
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parse("100-999");
        assertTrue(matcher.matches(100));
        assertTrue(matcher.matches(999));
        assertFalse(matcher.matches(99));
        assertFalse(matcher.matches(1000));
        assertFalse(matcher.matches(0));
        assertFalse(matcher.matches(-1));
        assertFalse(matcher.matches(Integer.MAX_VALUE));
        assertFalse(matcher.matches(Integer.MIN_VALUE));
    }

    @Test
    void singleCodesAndRanges() {
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parse("429,500-503");
        assertTrue(matcher.matches(429));
        assertTrue(matcher.matches(500));
        assertTrue(matcher.matches(503));
        assertFalse(matcher.matches(428));
        assertFalse(matcher.matches(430));
        assertFalse(matcher.matches(504));
        assertEquals("429,500-503", matcher.toString());
    }

    @Test
    void newlinesWhitespaceAndEmptyEntriesAreTolerated() {
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parse(" 429 ,\n 500 - 503\r\n\n,502,,\t");
        assertEquals("429,500-503", matcher.toString());
    }

    @Test
    void rangesAreMergedAndSorted() {
        assertEquals("400-410", FailoverCodeMatcher.parse("405-410,400-404").toString());
        assertEquals("400-410", FailoverCodeMatcher.parse("400-405,403-410").toString());
        assertEquals("400-401,500", FailoverCodeMatcher.parse("500,401,400,500").toString());
        assertEquals("400-999", FailoverCodeMatcher.parse("400-403,404,405-999").toString());
        assertEquals("404", FailoverCodeMatcher.parse("404-404").toString());
    }

    @Test
    void blankMatchesNothing() {
        for (String blank : new String[] {"", "   ", "\n", ",", " , \n "}) {
            FailoverCodeMatcher matcher = FailoverCodeMatcher.parse(blank);
            assertTrue(matcher.isEmpty());
            assertEquals("", matcher.toString());
            assertFalse(matcher.matches(500));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "4xx", "400-", "-400", "400--403", "400-403-405", "99", "1000", "0400",
        "400-1000", "50-600", "+400", "400.5", "400 403", "403-400", "４００"})
    void malformedValuesAreRejectedWithTheirEntryNamed(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FailoverCodeMatcher.parse("429," + bad));
        assertTrue(e.getMessage().contains("'" + bad.strip() + "'"), e.getMessage());
    }

    @Test
    void reversedRangeMessageSaysWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FailoverCodeMatcher.parse("503-500"));
        assertTrue(e.getMessage().contains("start is greater than end"), e.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> FailoverCodeMatcher.parse("1000"));
        assertTrue(range.getMessage().contains("between 100 and 999"), range.getMessage());
    }

    @Test
    void parseRejectsNull() {
        assertThrows(NullPointerException.class, () -> FailoverCodeMatcher.parse(null));
    }

    @Test
    void parseOrEmptyTreatsInvalidAndNullAsEmpty() {
        assertTrue(FailoverCodeMatcher.parseOrEmpty("garbage").isEmpty());
        assertTrue(FailoverCodeMatcher.parseOrEmpty(null).isEmpty());
        assertSame(FailoverCodeMatcher.empty(), FailoverCodeMatcher.parseOrEmpty("403-400"));
        assertEquals("429", FailoverCodeMatcher.parseOrEmpty(" 429 ").toString());
    }

    @Test
    void equalityFollowsTheSetOfCodes() {
        assertEquals(FailoverCodeMatcher.parse("400-403,405-999"), FailoverCodeMatcher.parse("405-999\n400-403"));
        assertEquals(FailoverCodeMatcher.parse("400,401").hashCode(), FailoverCodeMatcher.parse("400-401").hashCode());
        assertNotEquals(FailoverCodeMatcher.parse("400"), FailoverCodeMatcher.parse("401"));
    }

    @Test
    void normalisedFormParsesBackToTheSameMatcher() {
        FailoverCodeMatcher matcher = FailoverCodeMatcher.parse("599,100-102,\n 300 ,301,302-305, 999");
        assertEquals("100-102,300-305,599,999", matcher.toString());
        assertEquals(matcher, FailoverCodeMatcher.parse(matcher.toString()));
    }
}
