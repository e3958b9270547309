package io.gptload.requestlog;

import static io.gptload.requestlog.AttemptBuilder.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.proxy.ProxyCompleted;
import io.gptload.requestlog.TrafficStats.Counts;
import io.gptload.shared.db.Dialect;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrafficStatsTest {

    private static final LocalDateTime H = LocalDateTime.of(2025, 2, 1, 10, 0);
    private TestDb db;
    private TrafficStats stats;

    /** Group 3 is a member of aggregate 10; group 4 is standalone. Written through the real writer. */
    private void seed(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        RequestLogBuffer buffer = new RequestLogBuffer(1000, n -> { });
        for (AttemptBuilder a : List.of(
                attempt().at(H.plusMinutes(5)).group(3, "m").parent(10, "agg"),
                attempt().at(H.plusMinutes(6)).group(3, "m").parent(10, "agg").failed(500, "x").retry(),
                attempt().at(H.plusMinutes(7)).group(3, "m").parent(10, "agg").failed(500, "x"),
                attempt().at(H.plusMinutes(59)).group(4, "s"),
                attempt().at(H.plusHours(1)).group(4, "s"),
                attempt().at(H.plusHours(2).plusMinutes(30)).group(4, "s").failed(429, "y"))) {
            buffer.onCompleted(new ProxyCompleted(List.of(a.build())));
        }
        new RequestLogWriter(buffer, db::connect, () -> dialect, Clock.systemDefaultZone()).flush();
        stats = new TrafficStats(db::connect, () -> dialect);
    }

    @AfterEach
    void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void finalRequestsCountHalfOpenRangesAndSkipRetries(Dialect dialect) throws SQLException {
        seed(dialect);
        assertEquals(2, stats.finalRequests(H, H.plusMinutes(10)));
        assertEquals(3, stats.finalRequests(H, H.plusHours(1)));
        assertEquals(4, stats.finalRequests(H, H.plusHours(1).plusNanos(1_000_000)));
        assertEquals(0, stats.finalRequests(H.minusHours(1), H));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void hourlyTotalsCanLeaveOutAggregates(Dialect dialect) throws SQLException {
        seed(dialect);
        assertEquals(new Counts(4, 3), stats.hourlyTotal(H, H.plusHours(3), Set.of()), "aggregate credit included");
        assertEquals(new Counts(3, 2), stats.hourlyTotal(H, H.plusHours(3), Set.of(10L)));
        assertEquals(new Counts(2, 1), stats.hourlyTotal(H, H.plusHours(3), Set.of(10L, 3L)));
        assertEquals(new Counts(2, 1), stats.hourlyTotal(H, H.plusHours(1), Set.of(10L)), "hours from..to exclusive");
        assertEquals(Counts.NONE, stats.hourlyTotal(H.minusDays(1), H, Set.of()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void perHourSumsBucketsOfAllOrOneGroup(Dialect dialect) throws SQLException {
        seed(dialect);
        assertEquals(Map.of(H, new Counts(2, 1), H.plusHours(1), new Counts(1, 0), H.plusHours(2), new Counts(0, 1)),
                stats.perHour(H, H.plusHours(3), null, Set.of(10L)));
        assertEquals(Map.of(H, new Counts(1, 1)), stats.perHour(H, H.plusHours(3), 10L, Set.of()));
        assertEquals(Map.of(H.plusHours(1), new Counts(1, 0)), stats.perHour(H.plusHours(1), H.plusHours(2), 4L, Set.of()));
    }
}
