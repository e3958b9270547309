package io.gptload.requestlog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Final requests of a group over a time window, and how many of them failed. */
public record RequestTotals(long total, long failed) {

    public static final RequestTotals NONE = new RequestTotals(0, 0);

    public RequestTotals {
        if (total < 0 || failed < 0 || failed > total) {
            throw new IllegalArgumentException("need 0 <= failed <= total: " + failed + "/" + total);
        }
    }

    /** {@code failed / total} rounded half-up to 4 decimals, trailing zeros dropped; 0 when there were no requests. */
    public BigDecimal failureRate() {
        if (total == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(failed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
