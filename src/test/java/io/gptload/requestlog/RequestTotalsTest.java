package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RequestTotalsTest {

    @Test
    void failureRateHasFourDecimalsWithoutTrailingZeros() {
        assertEquals("0", RequestTotals.NONE.failureRate().toPlainString());
        assertEquals("0", new RequestTotals(5, 0).failureRate().toPlainString());
        assertEquals("1", new RequestTotals(5, 5).failureRate().toPlainString());
        assertEquals("0.5", new RequestTotals(4, 2).failureRate().toPlainString());
        assertEquals("0.3333", new RequestTotals(3, 1).failureRate().toPlainString());
        assertEquals("0.6667", new RequestTotals(3, 2).failureRate().toPlainString());
        assertEquals("0.0001", new RequestTotals(20_000, 2).failureRate().toPlainString());
        assertEquals("0.0002", new RequestTotals(20_000, 3).failureRate().toPlainString()); // half up
        assertEquals("0.125", new RequestTotals(8, 1).failureRate().toPlainString());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new RequestTotals(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new RequestTotals(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new RequestTotals(1, -1));
    }
}
