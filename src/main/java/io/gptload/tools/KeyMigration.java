package io.gptload.tools;

import io.gptload.shared.KeyCipher;
import io.gptload.shared.db.Dialect;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Re-encrypts every {@code api_keys} row from one ENCRYPTION_KEY (or plaintext) to another, with
 * gpt-load's safety steps: refuse double encryption, require every row to decrypt, write the new
 * values and hashes to {@code temp_migration}, verify them, swap them in with one UPDATE, drop
 * the table. {@code api_keys} changes only in that last UPDATE. Progress goes to {@code out};
 * no key value is ever printed. Request-log rows are not touched.
 */
public final class KeyMigration {

    static final int BATCH_SIZE = 1000;
    static final int VERIFY_LIMIT = 1000;

    private final KeyCipher from;
    private final KeyCipher to;
    private final PrintStream out;
    private final ApiKeyRows rows;
    private final TempMigrationTable table;

    /** A migration over {@code connection}; {@code from}/{@code to} are disabled ciphers for plaintext. */
    public KeyMigration(Connection connection, KeyCipher from, KeyCipher to, PrintStream out) throws SQLException {
        Objects.requireNonNull(connection, "connection must not be null");
        this.from = Objects.requireNonNull(from, "from must not be null");
        this.to = Objects.requireNonNull(to, "to must not be null");
        this.out = Objects.requireNonNull(out, "out must not be null");
        this.rows = new ApiKeyRows(connection);
        this.table = new TempMigrationTable(connection, Dialect.of(connection));
    }

    /**
     * Runs every step.
     *
     * @return the number of keys migrated
     * @throws MigrationException when a check refuses or fails; {@code api_keys} is then unchanged
     * @throws SQLException on a database error; {@code api_keys} is then unchanged
     */
    public long run() throws MigrationException, SQLException {
        long total = rows.count();
        out.println("api_keys holds " + total + " keys");
        if (total == 0) {
            out.println("Nothing to migrate");
            return 0;
        }
        precheck(total);
        try {
            stage(total);
            verify(total);
            swap(total);
        } finally {
            dropTable();
        }
        return total;
    }

    /** Refuses double encryption, then requires every row to decrypt with {@code from}. */
    void precheck(long total) throws MigrationException, SQLException {
        if (!from.enabled() && to.enabled()) {
            List<ApiKeyRows.Row> sample = rows.page(0, EncryptionProbe.SAMPLE_SIZE);
            EncryptionProbe.requirePlaintext(sample, to);
            out.println("Sampled " + sample.size() + " keys: stored as plaintext, safe to encrypt");
        }
        long checked = 0;
        long failed = 0;
        for (List<ApiKeyRows.Row> page = rows.page(0, BATCH_SIZE); !page.isEmpty();
                page = rows.page(last(page), BATCH_SIZE)) {
            for (ApiKeyRows.Row row : page) {
                if (!decrypts(row.value())) {
                    failed++;
                }
            }
            checked += page.size();
            out.println("Checked " + checked + "/" + total + " keys");
        }
        if (failed > 0) {
            throw new MigrationException(failed + " of " + checked
                    + " keys cannot be decrypted with the --from key; check --from");
        }
    }

    /** (Re)creates {@code temp_migration} and writes the re-encrypted value and new hash of every row to it. */
    void stage(long total) throws MigrationException, SQLException {
        table.create();
        long written = 0;
        for (List<ApiKeyRows.Row> page = rows.page(0, BATCH_SIZE); !page.isEmpty();
                page = rows.page(last(page), BATCH_SIZE)) {
            List<TempMigrationTable.Entry> batch = new ArrayList<>(page.size());
            for (ApiKeyRows.Row row : page) {
                String plain = decrypt(from, row.value(), row.id(), "could not be decrypted with the --from key");
                batch.add(new TempMigrationTable.Entry(row.id(), to.encrypt(plain), to.hash(plain)));
            }
            table.insert(batch);
            written += page.size();
            out.println("Wrote " + written + "/" + total + " keys to " + TempMigrationTable.NAME);
        }
    }

    /**
     * Checks that {@code temp_migration} covers every row, and that for up to {@value #VERIFY_LIMIT}
     * rows the new value decrypts with {@code to} to the old plaintext and the new hash matches.
     */
    void verify(long total) throws MigrationException, SQLException {
        long staged = table.count();
        long now = rows.count();
        if (staged != total || now != total) {
            throw new MigrationException("verification failed: " + TempMigrationTable.NAME + " holds " + staged
                    + " keys, api_keys held " + total + " and now holds " + now + " (is the gateway still running?)");
        }
        List<TempMigrationTable.Pair> sample = table.sample(VERIFY_LIMIT);
        for (TempMigrationTable.Pair p : sample) {
            if (p.oldValue() == null) {
                throw new MigrationException("verification failed: key id " + p.id() + " is no longer in api_keys");
            }
            String plain = decrypt(from, p.oldValue(), p.id(), "changed in api_keys during the migration");
            String again = decrypt(to, p.valueNew(), p.id(), "was not re-encrypted readably");
            if (!plain.equals(again)) {
                throw new MigrationException("verification failed: key id " + p.id()
                        + " does not decrypt to its old value with the new key");
            }
            if (!to.hash(plain).equals(p.hashNew())) {
                throw new MigrationException("verification failed: key id " + p.id() + " has a wrong new key_hash");
            }
        }
        out.println("Verified " + sample.size() + " re-encrypted keys");
    }

    /** Copies {@code temp_migration} into {@code api_keys} in one UPDATE. */
    void swap(long total) throws MigrationException, SQLException {
        int updated = table.copyIntoApiKeys(total);
        if (updated != total) {
            throw new MigrationException("the final UPDATE matched " + updated + " keys instead of " + total
                    + "; rolled back, api_keys is unchanged");
        }
        out.println("Updated " + updated + " keys in api_keys in one statement");
    }

    /** Drops the table; a failure here never hides the outcome, it is only reported. */
    private void dropTable() {
        try {
            table.drop();
        } catch (SQLException e) {
            out.println("Warning: could not drop " + TempMigrationTable.NAME + " (" + SqlErrors.describe(e)
                    + "); drop it by hand");
        }
    }

    private boolean decrypts(String value) {
        try {
            from.decrypt(value);
            return true;
        } catch (KeyCipher.DecryptionException e) {
            return false;
        }
    }

    private static String decrypt(KeyCipher cipher, String value, long id, String problem) throws MigrationException {
        try {
            return cipher.decrypt(value);
        } catch (KeyCipher.DecryptionException e) {
            throw new MigrationException("key id " + id + " " + problem);
        }
    }

    private static long last(List<ApiKeyRows.Row> page) {
        return page.get(page.size() - 1).id();
    }
}
