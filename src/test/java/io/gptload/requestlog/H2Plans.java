package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading H2's {@code EXPLAIN ANALYZE} output in the plan tests. */
final class H2Plans {

    private H2Plans() {
    }

    /** The first {@code scanCount} of an upper-cased plan: how many rows the first index walk read. */
    static long scanCount(String plan) {
        int at = plan.indexOf("SCANCOUNT: ");
        assertTrue(at >= 0, plan);
        int from = at + "SCANCOUNT: ".length();
        int end = from;
        while (end < plan.length() && Character.isDigit(plan.charAt(end))) {
            end++;
        }
        return Long.parseLong(plan.substring(from, end));
    }
}
