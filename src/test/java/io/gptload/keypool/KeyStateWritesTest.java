package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyStateWritesTest {

    @Test
    void laterStatesWinButABlacklistingIsNeverWeakened() {
        KeyStateWrites.Pending one = new KeyStateWrites.Pending(1, false);
        KeyStateWrites.Pending black = new KeyStateWrites.Pending(3, true);
        assertEquals(new KeyStateWrites.Pending(2, false), one.merge(new KeyStateWrites.Pending(2, false)));
        assertEquals(black, one.merge(black));
        assertEquals(new KeyStateWrites.Pending(4, true), black.merge(new KeyStateWrites.Pending(4, false)));
        assertEquals(new KeyStateWrites.Pending(3, true), black.merge(new KeyStateWrites.Pending(0, false)),
                "a success after the blacklisting does not restore the key");
    }
}
