package io.gptload.keypool;

import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Whole-group key changes in bounded batches: the group's ids are read once, then changed a
 * slice at a time by one statement each (its own transaction), so no statement ever carries
 * more than {@link #BATCH} ids however large the group is (gpt-load #206).
 */
@ApplicationScoped
public class KeyBatches {

    static final int BATCH = 1000;

    private Database db;

    protected KeyBatches() {
        // for CDI proxies
    }

    @Inject
    public KeyBatches(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Every id of the group ({@code status} null for any), ascending, read in one indexed pass:
     * eight bytes a key, so even a million keys cost a few megabytes and no repeated sorting.
     */
    public long[] ids(long groupId, String status) throws SQLException {
        String sql = "SELECT id FROM api_keys WHERE group_id = ?" + (status == null ? "" : " AND status = ?");
        long[] out = new long[BATCH];
        int n = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(BATCH);
            ps.setLong(1, groupId);
            if (status != null) {
                ps.setString(2, status);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = rs.getLong(1);
                }
            }
        }
        long[] ids = Arrays.copyOf(out, n);
        Arrays.sort(ids);
        return ids;
    }

    /** The slice of at most {@link #BATCH} ids starting at {@code from}. */
    public static List<Long> slice(long[] ids, int from) {
        return Arrays.stream(ids, from, Math.min(ids.length, from + BATCH)).boxed().toList();
    }

    /** Deletes those of {@code ids} still in {@code status} (any status when null); the rows deleted. */
    public int delete(List<Long> ids, String status) throws SQLException {
        return update("DELETE FROM api_keys WHERE id IN (%s)" + (status == null ? "" : " AND status = ?"), ids, status);
    }

    /** Sets those of {@code ids} still invalid back to active with no failures; the rows changed. */
    public int restore(List<Long> ids) throws SQLException {
        return update("UPDATE api_keys SET status = 'active', failure_count = 0, updated_at = ? "
                + "WHERE id IN (%s) AND status = ?", ids, StoredKey.INVALID);
    }

    private int update(String template, List<Long> ids, String status) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        if (ids.size() > BATCH) {
            throw new IllegalArgumentException("at most " + BATCH + " ids per statement, got " + ids.size());
        }
        String sql = template.formatted("?,".repeat(ids.size() - 1) + "?");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (sql.startsWith("UPDATE")) {
                ps.setTimestamp(i++, Timestamp.valueOf(LocalDateTime.now()));
            }
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            if (status != null) {
                ps.setString(i, status);
            }
            return ps.executeUpdate();
        }
    }
}
