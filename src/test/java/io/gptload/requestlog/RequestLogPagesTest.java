package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.T0;
import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.proxy.ProxyCompleted;
import io.gptload.shared.db.Dialect;
import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console's log pages and CSV export: capped counts, newest-first pages, masked CSV lines. */
class RequestLogPagesTest {

    private static final Function<String, String> DECRYPT = s -> "sk-plain-secret-" + s;

    private TestDb db;
    private RequestLogPages pages;
    private RequestLogCsv csv;

    /** Seven logs of group "alpha" (one a failed retry) and three of "beta", one a minute apart. */
    private void seed(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        RequestLogBuffer buffer = new RequestLogBuffer(1000, n -> { });
        List<AttemptBuilder> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AttemptBuilder a = attempt().id("r" + i).at(T0.plusMinutes(i)).key(1, "k" + i, "h" + i)
                    .group(i < 7 ? 1 : 2, i < 7 ? "alpha" : "beta");
            if (i == 3) {
                a.failed(502, "bad, \"gateway\"").retry();
            }
            attempts.add(a);
        }
        for (AttemptBuilder a : attempts) {
            buffer.onCompleted(new ProxyCompleted(List.of(a.build())));
        }
        new RequestLogWriter(buffer, db::connect, () -> dialect, Clock.systemDefaultZone()).flush();
        pages = new RequestLogPages(db::connect, () -> dialect, ZoneId.systemDefault());
        csv = new RequestLogCsv(db::connect, () -> dialect, ZoneId.systemDefault());
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static LogFilter filter(Map<String, String> params) {
        return LogFilter.from(params::get, k -> k);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void countsAreExactWithoutFiltersAndCappedWithThem(Dialect dialect) throws Exception {
        seed(dialect);
        assertEquals(new LogCount(10, false), pages.count(LogFilter.NONE, 3), "no filter: exact, never capped");
        assertEquals(new LogCount(7, false), pages.count(filter(Map.of("group_name", "alpha")), 7));
        assertEquals(new LogCount(6, true), pages.count(filter(Map.of("group_name", "alpha")), 6));
        assertEquals(new LogCount(1, false), pages.count(filter(Map.of("is_success", "false")), 5));
        assertEquals(new LogCount(0, false), pages.count(filter(Map.of("group_name", "nope")), 5));
        assertThrows(IllegalArgumentException.class, () -> pages.count(LogFilter.NONE, 0));
    }

    @org.junit.jupiter.api.Test
    void aPagePastAnExactCountAsksTheDatabaseNothing() {
        RequestLogPages noDatabase = new RequestLogPages(() -> {
            throw new AssertionError("queried although the count says there is nothing");
        }, () -> Dialect.H2, ZoneId.systemDefault());
        LogFilter nothingMatches = filter(Map.of("status_code", "599"));

        assertEquals(List.of(), noDatabase.page(nothingMatches, new LogCount(0, false), 0, 20, Function.identity()));
        assertEquals(List.of(), noDatabase.page(nothingMatches, new LogCount(40, false), 40, 20, Function.identity()));
        assertThrows(AssertionError.class, () -> noDatabase.page(nothingMatches, new LogCount(1000, true), 1000, 20,
                Function.identity()), "a capped count says nothing about what lies past it");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void pagesAreNewestFirstAndFiltered(Dialect dialect) throws Exception {
        seed(dialect);
        assertEquals(List.of("r9", "r8", "r7"), ids(page(LogFilter.NONE, 0, 3)));
        assertEquals(List.of("r6", "r5", "r4"), ids(page(LogFilter.NONE, 3, 3)));
        assertEquals(List.of("r1", "r0"), ids(page(LogFilter.NONE, 8, 3)));
        assertEquals(List.of("r6", "r5"), ids(page(filter(Map.of("group_name", "alp")), 0, 2)));
        assertEquals(List.of("r3"), ids(page(filter(Map.of("request_type", "retry")), 0, 20)));
        assertEquals("sk-plain-secret-k9", page(LogFilter.NONE, 0, 1).get(0).keyValue());
        assertEquals(List.of(), page(LogFilter.NONE, 10, 5));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theCsvHoldsEveryFilteredLogNewestFirstWithMaskedKeys(Dialect dialect) throws Exception {
        seed(dialect);
        StringWriter out = new StringWriter();
        csv.write(filter(Map.of("group_name", "alpha")), out, DECRYPT);
        List<String> lines = out.toString().lines().toList();
        assertEquals("timestamp,group,parent_group,key,model,status_code,success,duration_ms,request_type,"
                + "source_ip,error", lines.get(0));
        assertEquals(8, lines.size(), out.toString());
        assertTrue(lines.get(1).contains(",alpha,,sk-p****t-k6,gpt-4o,200,true,42,final,10.0.0.1,"), lines.get(1));
        assertTrue(lines.get(4).endsWith(",502,false,42,retry,10.0.0.1,\"bad, \"\"gateway\"\"\""), lines.get(4));
        assertTrue(!out.toString().contains("sk-plain-secret"), "no full key in the file");
    }

    private static List<String> ids(List<RequestLogView> views) {
        return views.stream().map(RequestLogView::id).toList();
    }

    /** A page as the console asks for it: with the filter's count, taken first. */
    private List<RequestLogView> page(LogFilter filter, long offset, int limit) {
        return pages.page(filter, pages.count(filter, 1_000), offset, limit, DECRYPT);
    }
}
