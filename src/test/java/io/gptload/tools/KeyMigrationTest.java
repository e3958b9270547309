package io.gptload.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.KeyCipher;
import io.gptload.tools.MigrationDatabase.Backend;
import io.gptload.tools.MigrationDatabase.Stored;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyMigrationTest {

    static final KeyCipher PLAIN = KeyCipher.of("");
    static final KeyCipher K1 = KeyCipher.of("migration-key-one-2f7c");
    static final KeyCipher K2 = KeyCipher.of("migration-key-two-9a1d");
    static final List<String> KEYS = List.of("sk-alpha-1", "sk-beta-2", "AIza-gamma-3");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private MigrationDatabase db;

    @BeforeEach
    void open() throws SQLException {
        db = MigrationDatabase.open(Backend.H2);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void enableEncryptsEveryKeyWithTheNewKeyAndHashesWithItsHmac() throws Exception {
        List<Long> ids = db.addKeys(PLAIN, KEYS);
        assertEquals(3, migration(PLAIN, K1).run());
        assertStoredUnder(K1, ids);
        assertFalse(db.tempTableExists(), "temp_migration is dropped");
        assertFalse(printed().contains("sk-alpha-1"), printed());
        assertTrue(printed().contains("Updated 3 keys in api_keys"), printed());
    }

    @Test
    void disableStoresPlaintextWithSha256() throws Exception {
        List<Long> ids = db.addKeys(K1, KEYS);
        assertEquals(3, migration(K1, PLAIN).run());
        Map<Long, Stored> rows = db.rows();
        for (int i = 0; i < KEYS.size(); i++) {
            assertEquals(KEYS.get(i), rows.get(ids.get(i)).value());
            assertEquals(PLAIN.hash(KEYS.get(i)), rows.get(ids.get(i)).hash());
        }
        assertFalse(db.tempTableExists());
    }

    @Test
    void rotateReEncryptsUnderTheNewKeyOnly() throws Exception {
        List<Long> ids = db.addKeys(K1, KEYS);
        Map<Long, Stored> before = db.rows();
        assertEquals(3, migration(K1, K2).run());
        assertStoredUnder(K2, ids);
        Stored first = db.rows().get(ids.get(0));
        assertThrows(KeyCipher.DecryptionException.class, () -> K1.decrypt(first.value()));
        assertNotEquals(before.get(ids.get(0)).hash(), first.hash());
        assertEquals("active", first.status(), "other columns are untouched");
    }

    @Test
    void migratesAcrossSeveralBatches() throws Exception {
        int n = KeyMigration.BATCH_SIZE * 2 + 37;
        List<String> keys = IntStream.range(0, n).mapToObj(i -> "sk-batch-" + i).toList();
        List<Long> ids = db.addKeys(PLAIN, keys);
        assertEquals(n, migration(PLAIN, K1).run());
        Map<Long, Stored> rows = db.rows();
        for (int i = 0; i < n; i += 97) {
            assertEquals(keys.get(i), K1.decrypt(rows.get(ids.get(i)).value()));
        }
        assertEquals(keys.get(n - 1), K1.decrypt(rows.get(ids.get(n - 1)).value()));
        assertTrue(printed().contains("Wrote " + n + "/" + n + " keys"), printed());
    }

    @Test
    void emptyTableIsNothingToMigrate() throws Exception {
        assertEquals(0, migration(PLAIN, K1).run());
        assertFalse(db.tempTableExists());
    }

    @Test
    void refusesToEncryptDataAlreadyEncryptedWithTheTargetKey() throws Exception {
        db.addKeys(K1, KEYS);
        Map<Long, Stored> before = db.rows();
        MigrationException e = assertThrows(MigrationException.class, () -> migration(PLAIN, K1).run());
        assertTrue(e.getMessage().contains("already encrypted with the --to key (3/3"), e.getMessage());
        assertEquals(before, db.rows());
        assertFalse(db.tempTableExists());
    }

    @Test
    void refusesToEncryptDataEncryptedWithAnotherKey() throws Exception {
        db.addKeys(K2, KEYS);
        MigrationException e = assertThrows(MigrationException.class, () -> migration(PLAIN, K1).run());
        assertTrue(e.getMessage().contains("look encrypted already (0/3"), e.getMessage());
        assertTrue(e.getMessage().contains("--from"), e.getMessage());
    }

    @Test
    void refusesInconsistentData() throws Exception {
        db.addKeys(PLAIN, "sk-plain-1", "sk-plain-2");
        db.addKeys(K2, "sk-enc-1");
        Map<Long, Stored> before = db.rows();
        MigrationException e = assertThrows(MigrationException.class, () -> migration(PLAIN, K1).run());
        assertTrue(e.getMessage().contains("2/3 sampled keys look plaintext, 1/3 look encrypted"), e.getMessage());
        assertEquals(before, db.rows());
    }

    @Test
    void refusesAWrongFromKeyCountingTheRowsThatFail() throws Exception {
        db.addKeys(K1, KEYS);
        Map<Long, Stored> before = db.rows();
        MigrationException e = assertThrows(MigrationException.class, () -> migration(K2, PLAIN).run());
        assertEquals("3 of 3 keys cannot be decrypted with the --from key; check --from", e.getMessage());
        assertEquals(before, db.rows());
        assertFalse(db.tempTableExists());
    }

    @Test
    void refusesWhenSomeRowsDoNotDecrypt() throws Exception {
        db.addKeys(K1, KEYS);
        db.addKeys(K2, "sk-stray");
        MigrationException e = assertThrows(MigrationException.class, () -> migration(K1, K2).run());
        assertTrue(e.getMessage().startsWith("1 of 4 keys cannot be decrypted"), e.getMessage());
    }

    @Test
    void refusesToDecryptPlaintextData() throws Exception {
        db.addKeys(PLAIN, KEYS);
        MigrationException e = assertThrows(MigrationException.class, () -> migration(K1, PLAIN).run());
        assertTrue(e.getMessage().startsWith("3 of 3 keys cannot be decrypted"), e.getMessage());
    }

    @Test
    void verificationCatchesAStagedValueThatDoesNotDecrypt() throws Exception {
        List<Long> ids = db.addKeys(K1, KEYS);
        Map<Long, Stored> before = db.rows();
        KeyMigration m = staged(K1, K2);
        db.exec("UPDATE temp_migration SET key_value_new = 'abcdef' WHERE id = " + ids.get(1));
        MigrationException e = assertThrows(MigrationException.class, () -> m.verify(3));
        assertEquals("key id " + ids.get(1) + " was not re-encrypted readably", e.getMessage());
        assertEquals(before, db.rows(), "api_keys untouched");
    }

    @Test
    void verificationCatchesAValueEncryptingAnotherPlaintext() throws Exception {
        List<Long> ids = db.addKeys(PLAIN, KEYS);
        KeyMigration m = staged(PLAIN, K1);
        db.exec("UPDATE temp_migration SET key_value_new = '" + K1.encrypt("sk-other") + "' WHERE id = " + ids.get(0));
        MigrationException e = assertThrows(MigrationException.class, () -> m.verify(3));
        assertTrue(e.getMessage().contains("key id " + ids.get(0) + " does not decrypt to its old value"),
                e.getMessage());
    }

    @Test
    void verificationCatchesAWrongHash() throws Exception {
        List<Long> ids = db.addKeys(PLAIN, KEYS);
        KeyMigration m = staged(PLAIN, K1);
        db.exec("UPDATE temp_migration SET key_hash_new = '" + PLAIN.hash(KEYS.get(2)) + "' WHERE id = " + ids.get(2));
        MigrationException e = assertThrows(MigrationException.class, () -> m.verify(3));
        assertTrue(e.getMessage().contains("wrong new key_hash"), e.getMessage());
    }

    @Test
    void verificationCatchesAKeyAddedMeanwhile() throws Exception {
        db.addKeys(PLAIN, KEYS);
        KeyMigration m = staged(PLAIN, K1);
        db.addKeys(PLAIN, "sk-late");
        MigrationException e = assertThrows(MigrationException.class, () -> m.verify(3));
        assertTrue(e.getMessage().contains("holds 3 keys, api_keys held 3 and now holds 4"), e.getMessage());
    }

    @Test
    void swapTouchingFewerRowsThanExpectedIsRolledBack() throws Exception {
        List<Long> ids = db.addKeys(PLAIN, KEYS);
        Map<Long, Stored> before = db.rows();
        KeyMigration m = staged(PLAIN, K1);
        db.exec("DELETE FROM temp_migration WHERE id = " + ids.get(0));
        MigrationException e = assertThrows(MigrationException.class, () -> m.swap(3));
        assertTrue(e.getMessage().contains("matched 2 keys instead of 3; rolled back"), e.getMessage());
        assertEquals(before, db.rows());
    }

    @Test
    void aLeftoverTempTableFromACrashedRunIsReplaced() throws Exception {
        List<Long> ids = db.addKeys(PLAIN, KEYS);
        db.exec("CREATE TABLE temp_migration (id BIGINT PRIMARY KEY, key_value_new VARCHAR, key_hash_new VARCHAR(255))");
        db.exec("INSERT INTO temp_migration VALUES (" + ids.get(0) + ", 'junk', 'junk')");
        assertEquals(3, migration(PLAIN, K1).run());
        assertStoredUnder(K1, ids);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void enableRotateDisableOnEveryBackend(Backend backend) throws Exception {
        try (MigrationDatabase other = MigrationDatabase.open(backend)) {
            List<Long> ids = other.addKeys(PLAIN, KEYS);
            PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
            assertEquals(3, new KeyMigration(other.connection, PLAIN, K1, out).run());
            assertEquals(3, new KeyMigration(other.connection, K1, K2, out).run());
            Map<Long, Stored> rows = other.rows();
            assertEquals(KEYS.get(1), K2.decrypt(rows.get(ids.get(1)).value()));
            assertEquals(K2.hash(KEYS.get(1)), rows.get(ids.get(1)).hash());
            assertEquals(3, new KeyMigration(other.connection, K2, PLAIN, out).run());
            rows = other.rows();
            assertEquals(KEYS.get(2), rows.get(ids.get(2)).value());
            assertEquals(PLAIN.hash(KEYS.get(2)), rows.get(ids.get(2)).hash());
            assertFalse(other.tempTableExists());
        }
    }

    private KeyMigration staged(KeyCipher from, KeyCipher to) throws Exception {
        KeyMigration m = migration(from, to);
        m.precheck(3);
        m.stage(3);
        return m;
    }

    private KeyMigration migration(KeyCipher from, KeyCipher to) throws SQLException {
        return new KeyMigration(db.connection, from, to, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private void assertStoredUnder(KeyCipher cipher, List<Long> ids) throws SQLException {
        Map<Long, Stored> rows = db.rows();
        for (int i = 0; i < ids.size(); i++) {
            Stored s = rows.get(ids.get(i));
            String expected = i < KEYS.size() ? KEYS.get(i) : null;
            String plain = cipher.decrypt(s.value());
            if (expected != null) {
                assertEquals(expected, plain);
            }
            assertEquals(cipher.hash(plain), s.hash());
            assertTrue(s.value().matches("[0-9a-f]+"), "hex ciphertext");
        }
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
