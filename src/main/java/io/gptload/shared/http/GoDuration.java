package io.gptload.shared.http;

import java.time.Duration;

/** Formats a duration the way Go's {@code time.Duration.String()} does, e.g. {@code 1h2m3.4s}. */
public final class GoDuration {

    private GoDuration() {
    }

    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        if (nanos < 1_000_000_000L) {
            return sb.append(subSecond(nanos)).toString();
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long secNanos = nanos % 60_000_000_000L;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(decimal(secNanos, 1_000_000_000L)).append('s').toString();
    }

    private static String subSecond(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 1_000) + "µs";
        }
        return decimal(nanos, 1_000_000) + "ms";
    }

    /** {@code value / unit} with the fraction's trailing zeros dropped, e.g. 1.005 or 12; unit is a power of ten. */
    private static String decimal(long value, long unit) {
        long whole = value / unit;
        long frac = value % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        int width = 0;
        for (long u = unit; u > 1; u /= 10) {
            width++;
        }
        while (frac % 10 == 0) {
            frac /= 10;
            width--;
        }
        String digits = Long.toString(frac);
        StringBuilder sb = new StringBuilder(24).append(whole).append('.');
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}
