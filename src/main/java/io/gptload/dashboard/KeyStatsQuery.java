package io.gptload.dashboard;

import io.gptload.keypool.StoredKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The two reads of {@code api_keys} the dashboard needs: counts by status and a sample of stored values. */
final class KeyStatsQuery {

    /** Keys by status over all groups. */
    record KeyTotals(long active, long invalid) {
    }

    private KeyStatsQuery() {
    }

    static KeyTotals totals(Connection c) throws SQLException {
        long active = 0;
        long invalid = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM api_keys WHERE status IN (?, ?) GROUP BY status")) {
            ps.setString(1, StoredKey.ACTIVE);
            ps.setString(2, StoredKey.INVALID);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (StoredKey.ACTIVE.equals(rs.getString(1))) {
                        active = rs.getLong(2);
                    } else {
                        invalid = rs.getLong(2);
                    }
                }
            }
        }
        return new KeyTotals(active, invalid);
    }

    /** Up to {@code limit} rows that have a hash, lowest ids first. */
    static List<EncryptionStatus.StoredValue> sample(Connection c, int limit) throws SQLException {
        List<EncryptionStatus.StoredValue> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_value, key_hash FROM api_keys"
                + " WHERE key_hash IS NOT NULL AND key_hash <> ? ORDER BY id LIMIT ?")) {
            ps.setString(1, "");
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EncryptionStatus.StoredValue(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }
}
