package io.gptload.keypool;

import io.gptload.shared.ValidationException;
import io.gptload.shared.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/** A key's free-text notes (spec §1 row 28): trimmed, at most 255 characters (code points). */
@ApplicationScoped
public class KeyNotes {

    public static final int MAX = 255;

    private Database db;

    protected KeyNotes() {
        // for CDI proxies
    }

    @Inject
    public KeyNotes(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The notes as they would be stored; too long is a validation error naming {@code notes}. */
    public static String normalize(String notes) {
        String n = notes == null ? "" : notes.strip();
        if (n.codePointCount(0, n.length()) > MAX) {
            throw new ValidationException("notes", "notes_too_long", List.of("notes"),
                    "notes length must be <= " + MAX + " characters");
        }
        return n;
    }

    /** Stores the notes of key {@code id}; false when there is no such key. */
    public boolean update(long id, String notes) throws SQLException {
        String n = normalize(notes);
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_keys WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET notes = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, n);
                ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
        }
        return true;
    }
}
