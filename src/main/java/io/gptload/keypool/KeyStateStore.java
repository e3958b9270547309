package io.gptload.keypool;

import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a key's failure count and status (spec §2.6), off the hot path. */
@ApplicationScoped
public class KeyStateStore {

    private static final Logger LOG = Logger.getLogger(KeyStateStore.class.getName());

    private Database db;

    protected KeyStateStore() {
        // for CDI proxies
    }

    @Inject
    public KeyStateStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Stores a failure count; {@code blacklist} also marks the key invalid. */
    public void saveFailures(long keyId, int count, boolean blacklist) {
        String sql = blacklist
                ? "UPDATE api_keys SET failure_count = ?, status = 'invalid', updated_at = ? WHERE id = ?"
                : "UPDATE api_keys SET failure_count = ?, updated_at = ? WHERE id = ? AND status = 'active'";
        update(sql, keyId, count);
    }

    /** A success after failures: the count starts again from zero (DECISIONS 1). */
    public void resetFailures(long keyId) {
        update("UPDATE api_keys SET failure_count = ?, updated_at = ? WHERE id = ? AND status = 'active'", keyId, 0);
    }

    /**
     * A key back in service after a successful validation: active, no failures.
     *
     * @return false when the row no longer exists (deleted meanwhile) or could not be written
     */
    public boolean restore(long keyId) {
        return update("UPDATE api_keys SET failure_count = ?, status = 'active', updated_at = ? WHERE id = ?", keyId, 0) > 0;
    }

    private int update(String sql, long keyId, int count) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, count);
            ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
            ps.setLong(3, keyId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not store the state of key id {0}: {1}", new Object[]{keyId, e.getMessage()});
            return 0;
        }
    }
}
