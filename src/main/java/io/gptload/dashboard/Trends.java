package io.gptload.dashboard;

/**
 * The trend arithmetic of the statistics cards (spec §3.3 {@code dashboard/stats}): percentage
 * change against the previous period (100 when the previous period was empty and this one is
 * not); for the error rate, the difference in percentage points, growth meaning it went down.
 */
public final class Trends {

    /** Minutes the requests-per-minute card looks back. */
    public static final int RPM_MINUTES = 10;

    private Trends() {
    }

    /** Requests per minute from the final requests of the last and the previous ten minutes. */
    public static StatCard rpm(long current, long previous) {
        double now = current / (double) RPM_MINUTES;
        double before = previous / (double) RPM_MINUTES;
        return change(now, now, before);
    }

    /** The request count of the last 24 hours against the 24 hours before. */
    public static StatCard requests(long current, long previous) {
        return change(current, current, previous);
    }

    private static StatCard change(double value, double current, double previous) {
        if (previous > 0) {
            double trend = (current - previous) / previous * 100;
            return StatCard.of(value, trend, trend >= 0);
        }
        if (current > 0) {
            return StatCard.of(value, 100, true);
        }
        return StatCard.of(value, 0, true);
    }

    /** Error rate in percent of the last 24 hours; trend in percentage points against the 24 hours before. */
    public static StatCard errorRate(long total, long failed, long previousTotal, long previousFailed) {
        double rate = percent(failed, total);
        if (previousTotal > 0) {
            double trend = rate - percent(previousFailed, previousTotal);
            return StatCard.of(rate, trend, trend < 0);
        }
        if (total > 0) {
            return StatCard.of(rate, rate, rate == 0);
        }
        return StatCard.of(0, 0, true);
    }

    static double percent(long part, long whole) {
        return whole > 0 ? (double) part / whole * 100 : 0;
    }
}
