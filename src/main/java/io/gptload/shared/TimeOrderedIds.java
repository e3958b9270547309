package io.gptload.shared;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562 §5.7): the first 48 bits are the Unix time in milliseconds, the rest
 * random, so ids made later sort after ids made earlier, as text and as numbers. A request-log id is
 * the primary key of {@code request_logs}; with random (version 4) ids every insert landed at a
 * random place in that B-tree, which cost the embedded database about twice the CPU per row (the
 * spec's column is a 36-character UUID string; any version fits it). Not secret, not a token: the
 * random part comes from {@link ThreadLocalRandom}, which keeps the request thread off
 * {@code SecureRandom}; 74 random bits per millisecond keep ids of several nodes apart.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    private TimeOrderedIds() {
    }

    /** A new id made now, in the 36-character form {@code xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx}. */
    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | VERSION_7 | (random.nextInt() & 0xFFF);
        long low = (random.nextLong() & VARIANT_MASK) | VARIANT_RFC;
        return new UUID(high, low);
    }
}
