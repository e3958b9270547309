package io.gptload.settings;

import java.util.BitSet;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set of upstream HTTP statuses that trigger a retry and count as a key failure
 * ({@code failover_status_codes}, e.g. {@code 400-403,405-999}): codes or inclusive ranges within
 * 100–999, separated by commas or newlines. An empty value matches nothing. Immutable.
 */
public final class FailoverCodeMatcher {

    /** gpt-load's default: every status from 400 except 404. */
    public static final String DEFAULT = "400-403,405-999";

    private static final int MIN = 100;
    private static final int MAX = 999;
    private static final Pattern TOKEN = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");
    private static final FailoverCodeMatcher EMPTY = new FailoverCodeMatcher(new BitSet());

    private final BitSet codes;
    private final String normalised;

    private FailoverCodeMatcher(BitSet codes) {
        this.codes = codes;
        this.normalised = normalise(codes);
    }

    /**
     * Parses the grammar; blank means "matches nothing".
     *
     * @throws IllegalArgumentException naming the offending part when the value is malformed
     */
    public static FailoverCodeMatcher parse(String value) {
        Objects.requireNonNull(value, "failover status codes must not be null");
        BitSet codes = new BitSet(MAX + 1);
        for (String part : value.split("[,\\r\\n]")) {
            String token = part.strip();
            if (token.isEmpty()) {
                continue;
            }
            Matcher m = TOKEN.matcher(token);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid failover status code entry '" + token
                        + "': expected a code like 429 or a range like 500-599");
            }
            int low = code(m.group(1), token);
            int high = m.group(2) == null ? low : code(m.group(2), token);
            if (low > high) {
                throw new IllegalArgumentException("invalid failover status code range '" + token
                        + "': start is greater than end");
            }
            codes.set(low, high + 1);
        }
        return codes.isEmpty() ? EMPTY : new FailoverCodeMatcher(codes);
    }

    /** Like {@link #parse(String)}, but null or a malformed value gives the empty matcher. */
    public static FailoverCodeMatcher parseOrEmpty(String value) {
        if (value == null) {
            return EMPTY;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return EMPTY;
        }
    }

    /** The matcher that matches no status. */
    public static FailoverCodeMatcher empty() {
        return EMPTY;
    }

    /** True when the status is in the set. O(1). */
    public boolean matches(int status) {
        return status >= MIN && status <= MAX && codes.get(status);
    }

    /** True when no status matches. */
    public boolean isEmpty() {
        return codes.isEmpty();
    }

    private static int code(String digits, String token) {
        int value = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("invalid failover status code in '" + token
                    + "': codes must be between " + MIN + " and " + MAX);
        }
        return value;
    }

    private static String normalise(BitSet codes) {
        StringBuilder out = new StringBuilder();
        for (int low = codes.nextSetBit(0); low >= 0; low = codes.nextSetBit(low)) {
            int high = codes.nextClearBit(low) - 1;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(low);
            if (high > low) {
                out.append('-').append(high);
            }
            low = high + 1;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FailoverCodeMatcher that && codes.equals(that.codes);
    }

    @Override
    public int hashCode() {
        return codes.hashCode();
    }

    /** Normalised form: sorted, merged ranges, e.g. {@code 400-403,405-999}; empty string when empty. */
    @Override
    public String toString() {
        return normalised;
    }
}
