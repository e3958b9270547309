package io.gptload.keypool;

import io.gptload.shared.KeyCipher;
import io.gptload.shared.db.Database;
import io.gptload.shared.db.Dialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Key export (spec §1 row 27): the group's decrypted keys, one per line, in id order, written
 * straight from a cursor to the response so memory stays flat however many keys there are.
 * Values that cannot be decrypted are left out (counted in the server log, never shown).
 */
@ApplicationScoped
public class KeyExport {

    static final int FETCH = 1000;
    private static final Logger LOG = Logger.getLogger(KeyExport.class.getName());

    private Database db;
    private KeyCipher cipher;

    protected KeyExport() {
        // for CDI proxies
    }

    @Inject
    public KeyExport(Database db, KeyCipher cipher) {
        this.db = Objects.requireNonNull(db, "db");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Writes the keys; {@code status} is {@code active}, {@code invalid} or null for all. */
    public void write(long groupId, String status, OutputStream out) throws SQLException, IOException {
        String sql = "SELECT key_value FROM api_keys WHERE group_id = ?" + (status == null ? "" : " AND status = ?")
                + " ORDER BY id";
        int unreadable = 0;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (Connection c = db.connection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only streams with a cursor inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(db.dialect() == Dialect.MYSQL ? Integer.MIN_VALUE : FETCH);
                ps.setLong(1, groupId);
                if (status != null) {
                    ps.setString(2, status);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unreadable += writeLine(w, rs.getString(1)) ? 0 : 1;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        w.flush();
        if (unreadable > 0) {
            LOG.warning(unreadable + " keys of group id " + groupId + " could not be decrypted and were not exported");
        }
    }

    private boolean writeLine(Writer w, String stored) throws IOException {
        try {
            w.write(cipher.decrypt(stored));
            w.write('\n');
            return true;
        } catch (KeyCipher.DecryptionException e) {
            return false;
        }
    }
}
