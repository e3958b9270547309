package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.T0;
import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.proxy.ProxyCompleted;
import io.gptload.shared.PageResult;
import io.gptload.shared.db.Dialect;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestLogQueryTest {

    private static final Function<String, String> HASHER = k -> "h" + k.substring(k.length() - 1);
    private static final Function<String, String> DECRYPT = s -> {
        if (s.startsWith("bad")) {
            throw new IllegalArgumentException("cannot decrypt");
        }
        return "plain-" + s;
    };

    private TestDb db;
    private RequestLogQuery query;

    private void seed(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        RequestLogBuffer buffer = new RequestLogBuffer(1000, n -> { });
        for (AttemptBuilder a : List.of(
                attempt().id("r1").at(T0).key(1, "k1", "h1"),
                attempt().id("r2").at(T0.plusMinutes(1)).group(3, "a_b").parent(10, "agg").key(2, "k2", "h2")
                        .model("claude-3").failed(429, "rate 100% used").ip("10.0.0.2").retry(),
                attempt().id("r3").at(T0.plusMinutes(2)).group(4, "axb").parent(10, "agg").key(2, "k2", "h2")
                        .model("gpt-4o-mini").failed(500, "server error").ip("10.0.0.2"),
                attempt().id("r4").at(T0.plusMinutes(3)).key(0, "", "").failed(503, "no active keys"),
                attempt().id("r5").at(T0.plusMinutes(4)).key(1, "k1", "h1").model("gemini-pro"))) {
            buffer.onCompleted(new ProxyCompleted(List.of(a.build())));
        }
        new RequestLogWriter(buffer, db::connect, () -> dialect, Clock.systemDefaultZone()).flush();
        query = new RequestLogQuery(db::connect, () -> dialect, ZoneId.systemDefault());
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private List<String> ids(Map<String, String> params) {
        LogFilter filter = LogFilter.from(params::get, HASHER);
        return query.find(filter, 1, 100, DECRYPT).items().stream().map(RequestLogView::id).toList();
    }

    private static String rfc3339(LocalDateTime local) {
        return local.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyFilterSelectsTheRightRowsNewestFirst(Dialect dialect) throws Exception {
        seed(dialect);
        assertEquals(List.of("r5", "r4", "r3", "r2", "r1"), ids(Map.of()));
        assertEquals(List.of("r2"), ids(Map.of("group_name", "a_b")), "_ is a literal, not a wildcard");
        assertEquals(List.of("r5", "r4", "r1"), ids(Map.of("group_name", "g")));
        assertEquals(List.of("r3", "r2"), ids(Map.of("parent_group_name", "ag")));
        assertEquals(List.of("r4", "r3", "r1"), ids(Map.of("model", "gpt-4o")));
        assertEquals(List.of("r2"), ids(Map.of("model", "claude")));
        assertEquals(List.of("r2"), ids(Map.of("error_contains", "100%")));
        assertEquals(List.of("r2"), ids(Map.of("error_contains", "%")), "% is a literal, not a wildcard");
        assertEquals(List.of(), ids(Map.of("error_contains", "!")));
        assertEquals(List.of("r3", "r2"), ids(Map.of("key_value", "k2")));
        assertEquals(List.of(), ids(Map.of("key_value", "k")));
        assertEquals(List.of("r5", "r1"), ids(Map.of("is_success", "true")));
        assertEquals(List.of("r4", "r3", "r2"), ids(Map.of("is_success", "0")));
        assertEquals(5, ids(Map.of("is_success", "maybe")).size());
        assertEquals(List.of("r2"), ids(Map.of("request_type", "retry")));
        assertEquals(List.of("r5", "r4", "r3", "r1"), ids(Map.of("request_type", "final")));
        assertEquals(5, ids(Map.of("request_type", "bogus")).size());
        assertEquals(List.of("r3"), ids(Map.of("status_code", "500")));
        assertEquals(5, ids(Map.of("status_code", "5xx")).size());
        assertEquals(List.of("r3", "r2"), ids(Map.of("source_ip", "10.0.0.2")));
        assertEquals(List.of(), ids(Map.of("source_ip", "10.0.0")));
        String at = rfc3339(T0.plusMinutes(2));
        assertEquals(List.of("r5", "r4", "r3"), ids(Map.of("start_time", at)), "start is inclusive");
        assertEquals(List.of("r3", "r2", "r1"), ids(Map.of("end_time", at)), "end is inclusive");
        assertEquals(List.of("r3"), ids(Map.of("start_time", at, "end_time", at)));
        assertEquals(5, ids(Map.of("start_time", "yesterday", "end_time", "2025-13-01T00:00:00Z")).size());
        assertEquals(List.of("r3"), ids(Map.of("parent_group_name", "agg", "is_success", "false",
                "request_type", "final")));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void paginationCountsAndSlices(Dialect dialect) throws Exception {
        seed(dialect);
        PageResult<RequestLogView> p2 = query.find(LogFilter.NONE, 2, 2, DECRYPT);
        assertEquals(List.of("r3", "r2"), p2.items().stream().map(RequestLogView::id).toList());
        assertEquals(5, p2.totalItems());
        assertEquals(3, p2.totalPages());
        assertEquals(List.of("r1"), query.find(LogFilter.NONE, 3, 2, DECRYPT).items().stream()
                .map(RequestLogView::id).toList());
        PageResult<RequestLogView> beyond = query.find(LogFilter.NONE, 9, 2, DECRYPT);
        assertEquals(List.of(), beyond.items());
        assertEquals(5, beyond.totalItems());
        assertEquals(9, beyond.page());
        PageResult<RequestLogView> defaults = query.find(LogFilter.NONE, 0, 0, DECRYPT);
        assertEquals(1, defaults.page());
        assertEquals(15, defaults.pageSize());
        assertEquals(1, defaults.totalPages());
        PageResult<RequestLogView> none = query.find(LogFilter.from(Map.of("model", "nothing")::get, HASHER), 1, 10,
                DECRYPT);
        assertEquals(0, none.totalItems());
        assertEquals(0, none.totalPages());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void viewCarriesEveryFieldWithTheKeyDecrypted(Dialect dialect) throws Exception {
        seed(dialect);
        db.exec("UPDATE request_logs SET key_value = 'bad-cipher' WHERE id = 'r1'");
        Map<String, RequestLogView> byId = new HashMap<>();
        query.find(LogFilter.NONE, 1, 10, DECRYPT).items().forEach(v -> byId.put(v.id(), v));

        RequestLogView r2 = byId.get("r2");
        assertEquals(new RequestLogView("r2", T0.plusMinutes(1).atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                3, "a_b", 10, "agg", "plain-k2", "h2", "claude-3", false, "10.0.0.2", 429,
                "/proxy/g2/v1/chat/completions", 42, "rate 100% used", "", "retry",
                "https://upstream.test/v1/chat/completions", false, ""), r2);
        assertEquals(RequestLogQuery.FAILED_TO_DECRYPT, byId.get("r1").keyValue());
        assertEquals("", byId.get("r4").keyValue(), "an empty key value stays empty");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void exportListsEachKeyOnceFromItsLatestLogEscaped(Dialect dialect) throws Exception {
        seed(dialect);
        RequestLogBuffer more = new RequestLogBuffer(10, n -> { });
        more.onCompleted(new ProxyCompleted(List.of(
                attempt().id("q1").at(T0.plusMinutes(5)).group(5, "team, \"blue\"").key(7, "x,\"y", "h0").build(),
                attempt().id("q2").at(T0.plusMinutes(6)).key(8, "bad", "h9").build())));
        new RequestLogWriter(more, db::connect, () -> dialect, Clock.systemDefaultZone()).flush();

        StringWriter all = new StringWriter();
        query.exportKeysCsv(LogFilter.NONE, all, DECRYPT);
        assertEquals("""
                key_value,group_name,status_code
                "plain-x,""y\","team, ""blue\""",200
                plain-k1,g2,200
                plain-k2,axb,500
                failed-to-decrypt,g2,200
                """, all.toString());

        StringWriter failed = new StringWriter();
        query.exportKeysCsv(LogFilter.from(Map.of("is_success", "false", "request_type", "retry")::get, HASHER),
                failed, DECRYPT);
        assertEquals("key_value,group_name,status_code\nplain-k2,a_b,429\n", failed.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "H2")
    void unreachableDatabaseIsReportedWithoutDetails(Dialect dialect) {
        RequestLogQuery broken = new RequestLogQuery(() -> {
            throw new SQLException("connection refused", "08001");
        }, () -> dialect, ZoneId.systemDefault());
        RequestLogQueryException e = assertThrows(RequestLogQueryException.class,
                () -> broken.find(LogFilter.NONE, 1, 15, DECRYPT));
        assertEquals("request-log query failed: SQLException", e.getMessage());
        StringWriter out = new StringWriter();
        assertThrows(RequestLogQueryException.class, () -> broken.exportKeysCsv(LogFilter.NONE, out, DECRYPT));
        assertEquals("", out.toString(), "nothing is written when the query cannot run");
    }
}
