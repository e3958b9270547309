package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aValueCountsInTheFirstBucketWhoseBoundIsAtLeastIt() {
        LatencyBuckets b = new LatencyBuckets(new double[] {0.005, 0.01, 1});
        assertEquals(0, b.bucketOf(0));
        assertEquals(0, b.bucketOf(5 * MS), "le is inclusive");
        assertEquals(1, b.bucketOf(5 * MS + 1));
        assertEquals(2, b.bucketOf(1_000 * MS));
        assertEquals(3, b.bucketOf(1_000 * MS + 1), "above every bound: +Inf");
    }

    @Test
    void bucketsAreCumulativeAndInfCountsEverything() {
        LatencyBuckets b = new LatencyBuckets(new double[] {0.005, 0.01, 1});
        b.observe(1 * MS);
        b.observe(3 * MS);
        b.observe(8 * MS);
        b.observe(2_000 * MS);
        assertEquals(2, b.cumulative(0));
        assertEquals(3, b.cumulative(1));
        assertEquals(3, b.cumulative(2));
        assertEquals(4, b.cumulative(3));
        assertEquals(4, b.buckets());
    }

    @Test
    void labelsArePlainDecimalsAndInf() {
        LatencyBuckets b = new LatencyBuckets(LatencyBuckets.ADDED_BOUNDS);
        assertEquals("0.0001", b.label(0));
        assertEquals("0.00025", b.label(1));
        assertEquals("1", b.label(LatencyBuckets.ADDED_BOUNDS.length - 1));
        assertEquals("+Inf", b.label(LatencyBuckets.ADDED_BOUNDS.length));
        LatencyBuckets up = new LatencyBuckets(LatencyBuckets.UPSTREAM_BOUNDS);
        assertEquals("2.5", up.label(8));
        assertEquals("120", up.label(LatencyBuckets.UPSTREAM_BOUNDS.length - 1));
    }

    @Test
    void boundsMustIncrease() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyBuckets(new double[] {0.1, 0.1}));
    }
}
