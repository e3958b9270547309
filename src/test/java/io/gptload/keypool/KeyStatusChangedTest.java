package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyStatusChangedTest {

    @Test
    void needsAKindAndAPositiveCount() {
        assertThrows(NullPointerException.class, () -> new KeyStatusChanged(1, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new KeyStatusChanged(1, KeyStatusChanged.Kind.RESTORED, 0));
        assertEquals(3, new KeyStatusChanged(1, KeyStatusChanged.Kind.BLACKLISTED, 3).count());
    }
}
