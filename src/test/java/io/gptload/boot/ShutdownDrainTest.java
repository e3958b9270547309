package io.gptload.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShutdownDrainTest {

    @Test
    void requestsGetTheBudgetMinusFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), ShutdownDrain.drainBudget(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(15), ShutdownDrain.drainBudget(Duration.ofSeconds(20)));
    }

    @Test
    void neverLessThanOneSecond() {
        assertEquals(Duration.ofSeconds(1), ShutdownDrain.drainBudget(Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(1), ShutdownDrain.drainBudget(Duration.ZERO));
    }
}
