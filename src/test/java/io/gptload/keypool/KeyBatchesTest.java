package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class KeyBatchesTest {

    @Test
    void slicesAreBoundedAndCoverEveryIdOnce() {
        long[] ids = LongStream.rangeClosed(1, 2500).toArray();
        assertEquals(1000, KeyBatches.slice(ids, 0).size());
        assertEquals(1L, KeyBatches.slice(ids, 0).get(0));
        assertEquals(List.of(2001L, 2500L), List.of(KeyBatches.slice(ids, 2000).get(0), KeyBatches.slice(ids, 2000).get(499)));
        assertEquals(500, KeyBatches.slice(ids, 2000).size());
        assertEquals(List.of(), KeyBatches.slice(new long[0], 0));
    }
}
