package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.dashboard.DashboardStats;
import io.gptload.dashboard.StatCard;
import io.gptload.dashboard.Trends;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StatCardViewTest {

    @Test
    void theKeyCardShowsActiveAndInvalidKeysWithoutATrend() {
        StatCardView v = StatCardView.withSub(DashboardStats.keyCard(12345, 7), Locale.ENGLISH);
        assertEquals("12,345", v.getValue());
        assertEquals("7", v.getSub());
        assertEquals("", v.getTrend());
    }

    @Test
    void zeroInvalidKeysIsShownAsZero() {
        assertEquals("0", StatCardView.withSub(DashboardStats.keyCard(3, 0), Locale.ENGLISH).getSub());
    }

    @Test
    void requestsPerMinuteKeepOneDecimalAndTheTrendCarriesItsSign() {
        StatCardView up = StatCardView.withTrend(Trends.rpm(25, 10), StatCardView.Unit.PER_MINUTE, Locale.ENGLISH);
        assertEquals("2.5", up.getValue());
        assertEquals("+150%", up.getTrend());
        assertTrue(up.isGood());
        StatCardView down = StatCardView.withTrend(Trends.rpm(10, 30), StatCardView.Unit.PER_MINUTE, Locale.ENGLISH);
        assertEquals("1", down.getValue());
        assertEquals("-66.7%", down.getTrend());
        assertFalse(down.isGood());
    }

    @Test
    void noChangeHasNoSign() {
        StatCardView v = StatCardView.withTrend(Trends.requests(0, 0), StatCardView.Unit.COUNT, Locale.ENGLISH);
        assertEquals("0", v.getValue());
        assertEquals("0%", v.getTrend());
        assertEquals("", v.getSub());
    }

    @Test
    void aFallingErrorRateIsGoodNews() {
        StatCardView v = StatCardView.withTrend(Trends.errorRate(100, 5, 100, 20), StatCardView.Unit.PERCENT,
                Locale.ENGLISH);
        assertEquals("5%", v.getValue());
        assertEquals("-15%", v.getTrend());
        assertTrue(v.isGood());
        StatCardView worse = StatCardView.withTrend(Trends.errorRate(3, 1, 0, 0), StatCardView.Unit.PERCENT,
                Locale.ENGLISH);
        assertEquals("33.3%", worse.getValue());
        assertFalse(worse.isGood());
    }

    @Test
    void numbersFollowTheConsoleLanguage() {
        StatCardView v = StatCardView.withTrend(StatCard.of(1234567.25, 12.25, true), StatCardView.Unit.PER_MINUTE,
                Locale.GERMAN);
        assertEquals("1.234.567,2", v.getValue()); // half-even rounding
        assertEquals("+12,2%", v.getTrend());
        assertEquals("1,234,567", StatCardView.withTrend(StatCard.of(1234567, 0, true), StatCardView.Unit.COUNT,
                Locale.JAPANESE).getValue());
    }

    @Test
    void missingArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> StatCardView.withSub(null, Locale.ENGLISH));
        assertThrows(NullPointerException.class,
                () -> StatCardView.withTrend(StatCard.of(1, 1, true), null, Locale.ENGLISH));
        assertThrows(NullPointerException.class,
                () -> StatCardView.withTrend(StatCard.of(1, 1, true), StatCardView.Unit.COUNT, null));
    }
}
