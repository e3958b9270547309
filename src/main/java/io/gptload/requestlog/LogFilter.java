package io.gptload.requestlog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters of {@code GET /api/logs} and {@code /api/logs/export} (spec §3.3). Every field is
 * optional ({@code null} = no filter). Names, model and error text match as substrings; the key
 * matches exactly through its hash; start and end times are inclusive.
 */
public record LogFilter(String groupName, String parentGroupName, String model, String errorContains,
                        String keyHash, Boolean isSuccess, String requestType, Integer statusCode,
                        String sourceIp, Instant startTime, Instant endTime) {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    /** No filter at all. */
    public static final LogFilter NONE = new LogFilter(null, null, null, null, null, null, null, null, null, null, null);

    public LogFilter {
        groupName = blankToNull(groupName);
        parentGroupName = blankToNull(parentGroupName);
        model = blankToNull(model);
        errorContains = blankToNull(errorContains);
        keyHash = blankToNull(keyHash);
        sourceIp = blankToNull(sourceIp);
        requestType = "retry".equals(requestType) || "final".equals(requestType) ? requestType : null;
    }

    /** From query parameters (first value of each); values that do not parse are ignored, as in gpt-load. */
    public static LogFilter fromQuery(Map<String, ? extends List<String>> query, Function<String, String> hasher) {
        Objects.requireNonNull(query, "query must not be null");
        return from(name -> {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }, hasher);
    }

    /**
     * From a parameter lookup (name ⇒ value or {@code null}).
     *
     * @param hasher the key hash function of the gateway ({@code KeyCipher::hash})
     */
    public static LogFilter from(Function<String, String> param, Function<String, String> hasher) {
        Objects.requireNonNull(param, "param lookup must not be null");
        Objects.requireNonNull(hasher, "hasher must not be null");
        String key = blankToNull(param.apply("key_value"));
        return new LogFilter(param.apply("group_name"), param.apply("parent_group_name"), param.apply("model"),
                param.apply("error_contains"), key == null ? null : hasher.apply(key),
                bool(param.apply("is_success")), param.apply("request_type"), integer(param.apply("status_code")),
                param.apply("source_ip"), time(param.apply("start_time")), time(param.apply("end_time")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Boolean bool(String s) {
        return s == null ? null : TRUE.contains(s) ? Boolean.TRUE : FALSE.contains(s) ? Boolean.FALSE : null;
    }

    private static Integer integer(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant time(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
