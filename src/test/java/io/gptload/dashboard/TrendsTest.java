package io.gptload.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void rpmIsFinalRequestsPerMinuteWithPercentChange() {
        assertEquals(StatCard.of(1.5, 50, true), Trends.rpm(15, 10));
        assertEquals(StatCard.of(0.5, -50, false), Trends.rpm(5, 10));
        assertEquals(StatCard.of(1, 0, true), Trends.rpm(10, 10));
    }

    @Test
    void anEmptyPreviousPeriodMeansHundredPercentGrowth() {
        assertEquals(StatCard.of(0.3, 100, true), Trends.rpm(3, 0));
        assertEquals(StatCard.of(7, 100, true), Trends.requests(7, 0));
    }

    @Test
    void nothingAtAllIsNoTrend() {
        assertEquals(StatCard.of(0, 0, true), Trends.rpm(0, 0));
        assertEquals(StatCard.of(0, 0, true), Trends.requests(0, 0));
        assertEquals(StatCard.of(0, 0, true), Trends.errorRate(0, 0, 0, 0));
    }

    @Test
    void requestTrendIsPercentChange() {
        assertEquals(StatCard.of(150, 50, true), Trends.requests(150, 100));
        assertEquals(StatCard.of(0, -100, false), Trends.requests(0, 100));
    }

    @Test
    void errorRateTrendIsTheDifferenceInPointsAndFallingIsGood() {
        assertEquals(StatCard.of(10, -10, true), Trends.errorRate(100, 10, 50, 10));
        assertEquals(StatCard.of(20, 10, false), Trends.errorRate(100, 20, 100, 10));
        assertEquals(StatCard.of(10, 0, false), Trends.errorRate(100, 10, 100, 10), "unchanged is not an improvement");
    }

    @Test
    void errorRateWithoutAPreviousPeriodShowsTheCurrentRate() {
        assertEquals(StatCard.of(25, 25, false), Trends.errorRate(4, 1, 0, 0));
        assertEquals(StatCard.of(0, 0, true), Trends.errorRate(4, 0, 0, 0));
    }

    @Test
    void ratesAreComputedAsGptLoadDoes() {
        assertEquals(1.0 / 3 * 100, Trends.errorRate(3, 1, 0, 0).value());
    }
}
