package io.gptload.admin;

import io.gptload.requestlog.RequestTotals;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The statistics panel of a group: key counts and final requests over 24 h, 7 days and 30 days. */
public record GroupStatsView(long total, long active, long invalid, RequestTotals day, RequestTotals week,
                             RequestTotals month) implements Serializable {

    public static final GroupStatsView EMPTY = new GroupStatsView(0, 0, 0, RequestTotals.NONE, RequestTotals.NONE,
            RequestTotals.NONE);

    /** A failure rate as a percentage with one decimal, e.g. {@code 12.5%}. */
    public static String percent(RequestTotals t) {
        return t.failureRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public String getDayFailure() {
        return percent(day);
    }

    public String getWeekFailure() {
        return percent(week);
    }

    public String getMonthFailure() {
        return percent(month);
    }
}
