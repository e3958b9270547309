package io.gptload.keypool;

import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** JDBC access to {@code api_keys}: bulk work that JPA would do row by row. */
@ApplicationScoped
public class KeyRepository {

    static final int CHUNK = 500;
    private static final String COLUMNS = "id, key_value, key_hash, group_id, status, notes, request_count, "
            + "failure_count, last_used_at, created_at, updated_at";

    private Database db;

    protected KeyRepository() {
        // for CDI proxies
    }

    @Inject
    public KeyRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public List<StoredKey> active() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM api_keys WHERE status = 'active'", List.of());
    }

    public List<StoredKey> activeOfGroup(long groupId) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM api_keys WHERE status = 'active' AND group_id = ?", List.of(groupId));
    }

    /** Every key of the group, or only those with {@code status} when it is not null, by id. */
    public List<StoredKey> ofGroup(long groupId, String status) throws SQLException {
        return status == null
                ? query("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ? ORDER BY id", List.of(groupId))
                : query("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ? AND status = ? ORDER BY id",
                        List.of(groupId, status));
    }

    /** Rows of the group whose hash is among {@code hashes}, looked up in chunks. */
    public List<StoredKey> byHashes(long groupId, Collection<String> hashes) throws SQLException {
        List<StoredKey> out = new ArrayList<>();
        List<String> all = new ArrayList<>(hashes);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> part = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(groupId);
            params.addAll(part);
            out.addAll(query("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ? AND key_hash IN ("
                    + "?,".repeat(part.size() - 1) + "?)", params));
        }
        return out;
    }

    /** Rows of the group among {@code ids} (keys of other groups are left out), by id, in chunks. */
    public List<StoredKey> byIds(long groupId, Collection<Long> ids) throws SQLException {
        List<StoredKey> out = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> params = new ArrayList<>();
            params.add(groupId);
            params.addAll(part);
            out.addAll(query("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ? AND id IN ("
                    + "?,".repeat(part.size() - 1) + "?) ORDER BY id", params));
        }
        return out;
    }

    /** The hashes among {@code hashes} (at most a few hundred) that the group already holds. */
    public Set<String> existingHashes(long groupId, Collection<String> hashes) throws SQLException {
        Set<String> out = new HashSet<>();
        if (hashes.isEmpty()) {
            return out;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT key_hash FROM api_keys "
                + "WHERE group_id = ? AND key_hash IN (" + "?,".repeat(hashes.size() - 1) + "?)")) {
            List<Object> params = new ArrayList<>(hashes.size() + 1);
            params.add(groupId);
            params.addAll(hashes);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Inserts new active keys in chunks of 500, each chunk in one transaction; returns them with ids. */
    public List<StoredKey> insert(long groupId, List<String[]> valueAndHash) throws SQLException {
        List<StoredKey> out = new ArrayList<>();
        for (int i = 0; i < valueAndHash.size(); i += CHUNK) {
            out.addAll(insertChunk(groupId, valueAndHash.subList(i, Math.min(valueAndHash.size(), i + CHUNK))));
        }
        return out;
    }

    /**
     * Inserts one chunk of new active keys ({@code [storedValue, hash]} pairs) as a JDBC batch in
     * one transaction; returns them with their ids, in the given order.
     */
    public List<StoredKey> insertChunk(long groupId, List<String[]> valueAndHash) throws SQLException {
        List<StoredKey> out = new ArrayList<>(valueAndHash.size());
        if (valueAndHash.isEmpty()) {
            return out;
        }
        LocalDateTime now = LocalDateTime.now();
        try (Connection c = db.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_value, key_hash, group_id, "
                    + "status, notes, request_count, failure_count, created_at, updated_at) "
                    + "VALUES (?, ?, ?, 'active', '', 0, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (String[] vh : valueAndHash) {
                    ps.setString(1, vh[0]);
                    ps.setString(2, vh[1]);
                    ps.setLong(3, groupId);
                    ps.setTimestamp(4, Timestamp.valueOf(now));
                    ps.setTimestamp(5, Timestamp.valueOf(now));
                    ps.addBatch();
                }
                ps.executeBatch();
                int j = 0;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        String[] vh = valueAndHash.get(j++);
                        out.add(new StoredKey(keys.getLong(1), vh[0], vh[1], groupId, StoredKey.ACTIVE, "", 0, 0,
                                null, now, now));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return out;
    }

    public int deleteIds(Collection<Long> ids) throws SQLException {
        return updateIds("DELETE FROM api_keys WHERE id IN (%s)", ids);
    }

    /** Invalid keys back to active with no failures. */
    public int restoreIds(Collection<Long> ids) throws SQLException {
        return updateIds("UPDATE api_keys SET status = 'active', failure_count = 0, updated_at = CURRENT_TIMESTAMP "
                + "WHERE status = 'invalid' AND id IN (%s)", ids);
    }

    public long countInGroup(long groupId) throws SQLException {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM api_keys WHERE group_id = ?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Invalid keys per group, one query for all groups (groups without invalid keys are absent). */
    public Map<Long, Long> invalidCountsByGroup() throws SQLException {
        Map<Long, Long> m = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT group_id, COUNT(*) FROM api_keys WHERE status = 'invalid' GROUP BY group_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return m;
    }

    /** Counts by status for the group: {@code active}, {@code invalid}. */
    public Map<String, Long> statusCounts(long groupId) throws SQLException {
        Map<String, Long> m = new HashMap<>(Map.of(StoredKey.ACTIVE, 0L, StoredKey.INVALID, 0L));
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM api_keys WHERE group_id = ? GROUP BY status")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return m;
    }

    /** One page of a group's keys, ordered {@code last_used_at desc (nulls last), id desc}. */
    public List<StoredKey> page(long groupId, String status, String keyHash, long offset, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ?");
        List<Object> params = new ArrayList<>(List.of(groupId));
        filter(sql, params, status, keyHash);
        sql.append(" ORDER BY CASE WHEN last_used_at IS NULL THEN 1 ELSE 0 END, last_used_at DESC, id DESC"
                + " LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return query(sql.toString(), params);
    }

    /** Up to {@code limit} keys of the group with an id above {@code afterId}, by id (stable under concurrent use). */
    public List<StoredKey> after(long groupId, String status, long afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM api_keys WHERE group_id = ? AND id > ?");
        List<Object> params = new ArrayList<>(List.of(groupId, afterId));
        filter(sql, params, status, null);
        sql.append(" ORDER BY id LIMIT ?");
        params.add(limit);
        return query(sql.toString(), params);
    }

    public long count(long groupId, String status, String keyHash) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM api_keys WHERE group_id = ?");
        List<Object> params = new ArrayList<>(List.of(groupId));
        filter(sql, params, status, keyHash);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void filter(StringBuilder sql, List<Object> params, String status, String keyHash) {
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (keyHash != null) {
            sql.append(" AND key_hash = ?");
            params.add(keyHash);
        }
    }

    private int updateIds(String template, Collection<Long> ids) throws SQLException {
        int n = 0;
        List<Long> all = new ArrayList<>(ids);
        try (Connection c = db.connection()) {
            for (int i = 0; i < all.size(); i += CHUNK) {
                List<Long> part = all.subList(i, Math.min(all.size(), i + CHUNK));
                try (PreparedStatement ps = c.prepareStatement(template.formatted("?,".repeat(part.size() - 1) + "?"))) {
                    bind(ps, new ArrayList<>(part));
                    n += ps.executeUpdate();
                }
            }
        }
        return n;
    }

    private List<StoredKey> query(String sql, List<?> params) throws SQLException {
        List<StoredKey> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6) == null ? "" : rs.getString(6), rs.getLong(7),
                            rs.getLong(8), time(rs, 9), time(rs, 10), time(rs, 11)));
                }
            }
        }
        return out;
    }

    private static LocalDateTime time(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toLocalDateTime();
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
