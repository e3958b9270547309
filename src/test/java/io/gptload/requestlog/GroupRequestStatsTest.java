package io.gptload.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupRequestStatsTest {

    /** "Now" is 10:40; the current bucket is 10:00 and windows end at 11:00. */
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 10, 10, 40, 5);
    private TestDb db;
    private GroupRequestStats stats;

    private void open(Dialect dialect) throws SQLException {
        db = TestDb.open(dialect);
        ZoneId zone = ZoneId.systemDefault();
        stats = new GroupRequestStats(db::connect, () -> dialect, Clock.fixed(NOW.atZone(zone).toInstant(), zone));
    }

    @AfterEach
    void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private void row(Dialect dialect, LocalDateTime hour, long groupId, long success, long failure) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO group_hourly_stats ("
                + Sql.column(dialect, "time") + ", group_id, success_count, failure_count) VALUES (?, ?, ?, ?)")) {
            Sql.setTime(ps, 1, hour, dialect);
            ps.setLong(2, groupId);
            ps.setLong(3, success);
            ps.setLong(4, failure);
            ps.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sumsTheBucketsOfEachWindow(Dialect dialect) throws SQLException {
        open(dialect);
        LocalDateTime current = NOW.withMinute(0).withSecond(0);
        row(dialect, current, 7, 3, 1);                       // this hour: in all windows
        row(dialect, current.minusHours(23), 7, 2, 2);        // oldest bucket of the 24 h window
        row(dialect, current.minusHours(24), 7, 10, 0);       // just outside 24 h, inside 7 d
        row(dialect, current.minusDays(7).plusHours(1), 7, 0, 5); // oldest bucket of 7 d
        row(dialect, current.minusDays(7), 7, 100, 0);        // outside 7 d, inside 30 d
        row(dialect, current.minusDays(30), 7, 1000, 0);      // outside 30 d
        row(dialect, current.plusHours(1), 7, 50, 50);        // a future bucket is not counted
        row(dialect, current, 8, 9, 9);                       // another group

        assertEquals(new RequestTotals(8, 3), stats.lastHours(7, 24));
        assertEquals(new RequestTotals(23, 8), stats.lastHours(7, 7 * 24));
        assertEquals(new RequestTotals(123, 8), stats.lastHours(7, 30 * 24));
        assertEquals(new RequestTotals(18, 9), stats.lastHours(8, 24));
        assertEquals(RequestTotals.NONE, stats.lastHours(9, 24));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = "H2")
    void rejectsEmptyWindows(Dialect dialect) throws SQLException {
        open(dialect);
        assertThrows(IllegalArgumentException.class, () -> stats.lastHours(1, 0));
    }
}
