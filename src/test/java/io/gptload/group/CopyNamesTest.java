package io.gptload.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyNamesTest {

    @Test
    void firstFreeCandidate() {
        assertEquals("g_copy", CopyNames.next("g", Set.of("g")));
        assertEquals("g_copy_2", CopyNames.next("g", Set.of("g", "g_copy")));
        assertEquals("g_copy_3", CopyNames.next("g", Set.of("g", "g_copy", "g_copy_2", "g_copy_4")));
        assertEquals("g_copy_copy", CopyNames.next("g_copy", Set.of("g_copy")));
    }

    @Test
    void fallsBackToFirstCandidateWhenAllAreTaken() {
        Set<String> taken = new HashSet<>(Set.of("g_copy"));
        for (int i = 2; i <= 999; i++) {
            taken.add("g_copy_" + i);
        }
        assertEquals("g_copy_1000", CopyNames.next("g", taken));
        taken.add("g_copy_1000");
        assertEquals("g_copy", CopyNames.next("g", taken));
    }
}
