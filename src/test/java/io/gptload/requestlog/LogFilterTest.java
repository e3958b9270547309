package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    private static final Function<String, String> HASHER = k -> "hash(" + k + ")";

    private static LogFilter of(Map<String, String> params) {
        return LogFilter.from(params::get, HASHER);
    }

    @Test
    void readsEveryParameter() {
        LogFilter f = of(Map.ofEntries(Map.entry("group_name", "g"), Map.entry("parent_group_name", "p"),
                Map.entry("model", "m"), Map.entry("error_contains", "e"), Map.entry("key_value", "sk-1"),
                Map.entry("is_success", "true"), Map.entry("request_type", "retry"), Map.entry("status_code", "429"),
                Map.entry("source_ip", "1.2.3.4"), Map.entry("start_time", "2025-01-15T10:00:00+08:00"),
                Map.entry("end_time", "2025-01-15T02:30:00.5Z")));
        assertEquals(new LogFilter("g", "p", "m", "e", "hash(sk-1)", true, "retry", 429, "1.2.3.4",
                Instant.parse("2025-01-15T02:00:00Z"), Instant.parse("2025-01-15T02:30:00.5Z")), f);
    }

    @Test
    void absentOrEmptyParametersMeanNoFilter() {
        assertEquals(LogFilter.NONE, of(Map.of()));
        assertEquals(LogFilter.NONE, of(Map.of("group_name", "", "key_value", "", "is_success", "", "start_time", "")));
    }

    @Test
    void unparseableValuesAreIgnored() {
        LogFilter f = of(Map.of("is_success", "yes", "request_type", "first", "status_code", "2OO",
                "start_time", "2025-01-15 10:00:00", "end_time", "tomorrow"));
        assertEquals(LogFilter.NONE, f);
    }

    @Test
    void booleansFollowGoParseBool() {
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            assertEquals(Boolean.TRUE, of(Map.of("is_success", t)).isSuccess(), t);
        }
        for (String f : List.of("0", "f", "F", "FALSE", "false", "False")) {
            assertEquals(Boolean.FALSE, of(Map.of("is_success", f)).isSuccess(), f);
        }
        assertNull(of(Map.of("is_success", "tRUE")).isSuccess());
    }

    @Test
    void keyValueIsNeverKeptOnlyItsHash() {
        LogFilter f = LogFilter.from(Map.of("key_value", "sk-secret")::get, k -> "digest-" + k.length());
        assertEquals("digest-9", f.keyHash());
        assertEquals(false, f.toString().contains("sk-secret"));
    }

    @Test
    void fromQueryTakesTheFirstValue() {
        LogFilter f = LogFilter.fromQuery(Map.of("model", List.of("a", "b"), "group_name", List.of()), HASHER);
        assertEquals("a", f.model());
        assertNull(f.groupName());
    }

    @Test
    void likeEscapingCoversTheWildcardsAndTheEscapeCharacter() {
        assertEquals("100!% !_x!! y", LogFilterSql.escapeLike("100% _x! y"));
    }
}
