package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the re-validation job's log line says about the keys that still fail (its schedule: ValidationRunTest). */
class KeyRevalidationTest {

    @Test
    void theReasonsOfTheKeysStillFailingMostFrequentFirst() {
        List<KeyCheck> checks = new ArrayList<>(Arrays.asList(
                KeyCheck.invalid("failed to send validation request: timed out after 20s"),
                KeyCheck.invalid("[status 401] Incorrect API key provided: sk-ab****wxyz"),
                KeyCheck.VALID,
                KeyCheck.invalid("[status 401] Incorrect API key provided: sk-cd*********************9876"),
                null));
        assertEquals("; still failing: 2× [status 401] Incorrect API key provided: ****,"
                + " 1× failed to send validation request: timed out after 20s", KeyRevalidation.stillFailing(checks));
    }

    @Test
    void nothingWhenEveryKeyPassedAndAtMostThreeReasonsEachCut() {
        assertEquals("", KeyRevalidation.stillFailing(List.of(KeyCheck.VALID)));
        List<KeyCheck> many = List.of(KeyCheck.invalid("[status 400] a"), KeyCheck.invalid("[status 400] b"),
                KeyCheck.invalid("[status 400] c"), KeyCheck.invalid("[status 400] d" + "x".repeat(500)));
        String line = KeyRevalidation.stillFailing(many);
        assertTrue(line.endsWith(", and 1 more"), line);
        assertTrue(line.contains("1× [status 400] a, 1× [status 400] b, 1× [status 400] c"), line);

        String cut = KeyRevalidation.stillFailing(List.of(KeyCheck.invalid("[status 400] " + "y".repeat(500))));
        assertEquals("; still failing: 1× ".length() + KeyRevalidation.REASON_LOGGED, cut.length());
        assertTrue(cut.endsWith("…"));
    }
}
