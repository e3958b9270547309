package io.gptload.shared;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562 §5.7): the first 48 bits are the Unix time in milliseconds, the rest
 * random, so ids of a later millisecond sort after those of an earlier one, as text (within one
 * millisecond, or when the wall clock steps back, the order is random). A request-log id is
 * the primary key of {@code request_logs}; with random (version 4) ids every insert landed at a
 * random place in that B-tree, which cost the embedded database about twice the CPU per row (the
 * spec's column is a 36-character UUID string; any version fits it). Not secret, not a token: the
 * random part comes from {@link ThreadLocalRandom}, which keeps the request thread off
 * {@code SecureRandom}, mixed with a value drawn once per process from {@code SecureRandom}, so that
 * two nodes writing to one database stay apart even if their generators were seeded alike.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long PROCESS_SALT = new SecureRandom().nextLong();

    private TimeOrderedIds() {
    }

    /** A new id made now, in the 36-character form {@code xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx}. */
    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | VERSION_7 | (random.nextInt() & 0xFFF);
        long low = ((random.nextLong() ^ PROCESS_SALT) & VARIANT_MASK) | VARIANT_RFC;
        return new UUID(high, low);
    }
}
