package io.gptload.requestlog;

import io.gptload.proxy.Attempt;
import io.gptload.shared.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the final attempts of a batch to {@code group_hourly_stats}, per hour and group, crediting
 * the parent aggregate too (spec §1 row 31, §4.6). Rows are touched in a fixed order so that
 * concurrent flushers on several nodes cannot deadlock.
 */
final class HourlyStatsUpsert {

    record Bucket(LocalDateTime hour, long groupId) {
    }

    record Counts(long success, long failure) {

        Counts plus(Counts o) {
            return new Counts(success + o.success, failure + o.failure);
        }
    }

    private static final Comparator<Bucket> ORDER =
            Comparator.comparing(Bucket::hour).thenComparingLong(Bucket::groupId);

    private HourlyStatsUpsert() {
    }

    static Map<Bucket, Counts> aggregate(List<Attempt> batch) {
        Map<Bucket, Counts> out = new TreeMap<>(ORDER);
        for (Attempt a : batch) {
            if (Attempt.RETRY.equals(LogRowInsert.typeOf(a))) {
                continue;
            }
            LocalDateTime hour = LogRowInsert.timestampOf(a).truncatedTo(ChronoUnit.HOURS);
            Counts one = a.success() ? new Counts(1, 0) : new Counts(0, 1);
            if (a.groupId() > 0) {
                out.merge(new Bucket(hour, a.groupId()), one, Counts::plus);
            }
            if (a.parentGroupId() > 0) {
                out.merge(new Bucket(hour, a.parentGroupId()), one, Counts::plus);
            }
        }
        return out;
    }

    static void apply(Connection c, Dialect dialect, List<Attempt> batch, LocalDateTime now) throws SQLException {
        Map<Bucket, Counts> buckets = aggregate(batch);
        if (buckets.isEmpty()) {
            return;
        }
        if (dialect == Dialect.H2) {
            updateThenInsert(c, dialect, buckets, now);
        } else {
            upsert(c, dialect, buckets, now);
        }
    }

    private static void upsert(Connection c, Dialect dialect, Map<Bucket, Counts> buckets, LocalDateTime now)
            throws SQLException {
        String insert = "INSERT INTO group_hourly_stats (" + Sql.column(dialect, "time")
                + ", group_id, success_count, failure_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
        String sql = dialect == Dialect.POSTGRESQL
                ? insert + " ON CONFLICT (" + Sql.column(dialect, "time") + ", group_id) DO UPDATE SET"
                        + " success_count = group_hourly_stats.success_count + EXCLUDED.success_count,"
                        + " failure_count = group_hourly_stats.failure_count + EXCLUDED.failure_count,"
                        + " updated_at = EXCLUDED.updated_at"
                : insert + " ON DUPLICATE KEY UPDATE success_count = success_count + ?,"
                        + " failure_count = failure_count + ?, updated_at = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Bucket, Counts> e : buckets.entrySet()) {
                bindInsert(ps, dialect, e.getKey(), e.getValue(), now);
                if (dialect == Dialect.MYSQL) {
                    ps.setLong(7, e.getValue().success());
                    ps.setLong(8, e.getValue().failure());
                    Sql.setTime(ps, 9, now, dialect);
                }
                ps.executeUpdate();
            }
        }
    }

    private static void updateThenInsert(Connection c, Dialect dialect, Map<Bucket, Counts> buckets, LocalDateTime now)
            throws SQLException {
        String update = "UPDATE group_hourly_stats SET success_count = success_count + ?,"
                + " failure_count = failure_count + ?, updated_at = ? WHERE time = ? AND group_id = ?";
        String insert = "INSERT INTO group_hourly_stats (time, group_id, success_count, failure_count,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement up = c.prepareStatement(update); PreparedStatement in = c.prepareStatement(insert)) {
            for (Map.Entry<Bucket, Counts> e : buckets.entrySet()) {
                up.setLong(1, e.getValue().success());
                up.setLong(2, e.getValue().failure());
                Sql.setTime(up, 3, now, dialect);
                Sql.setTime(up, 4, e.getKey().hour(), dialect);
                up.setLong(5, e.getKey().groupId());
                if (up.executeUpdate() == 0) {
                    bindInsert(in, dialect, e.getKey(), e.getValue(), now);
                    in.executeUpdate();
                }
            }
        }
    }

    private static void bindInsert(PreparedStatement ps, Dialect dialect, Bucket b, Counts n, LocalDateTime now) throws SQLException {
        Sql.setTime(ps, 1, b.hour(), dialect);
        ps.setLong(2, b.groupId());
        ps.setLong(3, n.success());
        ps.setLong(4, n.failure());
        Sql.setTime(ps, 5, now, dialect);
        Sql.setTime(ps, 6, now, dialect);
    }
}
