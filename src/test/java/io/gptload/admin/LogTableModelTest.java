package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How far the capped count of a filtered logs table goes when the operator reaches its end. */
class LogTableModelTest {

    @Test
    void theCountGoesTenTimesFurtherAndAlwaysPastThePageAskedFor() {
        assertEquals(10_000, LogTableModel.nextCap(1_000, 980, 20));
        assertEquals(100_000, LogTableModel.nextCap(10_000, 9_980, 20));
        assertEquals(51_100, LogTableModel.nextCap(1_000, 50_000, 100), "a jump far past the cap");
    }
}
