package io.gptload.requestlog;

/**
 * How many request logs match a filter. A filtered count stops at a cap, so that a filter over
 * millions of rows answers quickly: {@code capped} then says there are more than {@code value}.
 */
public record LogCount(long value, boolean capped) {

    public LogCount {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative");
        }
    }
}
