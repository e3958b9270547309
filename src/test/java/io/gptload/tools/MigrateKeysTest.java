package io.gptload.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.tools.MigrationDatabase.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateKeysTest {

    private static final String K1 = "migration-key-one-2f7c";

    @TempDir
    Path workDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExitsZeroAndSaysToStopTheGateway() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out().contains("STOP THE GATEWAY"), out());
        assertTrue(out().contains("Request-log key values are not"), out());
        assertEquals("", err());
    }

    @Test
    void aBadFlagExitsTwoWithOneLine() {
        assertEquals(2, run(Map.of(), "--bogus"));
        assertEquals("migrate-keys: unknown option '--bogus' (see: migrate-keys --help)", err().strip());
        assertEquals(1, err().strip().lines().count());
        assertEquals(2, run(Map.of()));
    }

    @Test
    void aMalformedDsnExitsTwo() {
        assertEquals(2, run(Map.of("DATABASE_DSN", "redis://x"), "--to", K1));
        assertTrue(err().startsWith("migrate-keys: DATABASE_DSN: unsupported"), err());
    }

    @Test
    void aMissingH2FileIsNotCreated() {
        assertEquals(1, run(Map.of(), "--to", K1));
        assertTrue(err().contains("cannot open the database"), err());
        assertTrue(err().contains("is the gateway stopped"), err());
        assertFalse(Files.exists(workDir.resolve("data/gpt-load.mv.db")));
    }

    @Test
    void migratesAndPrintsASummaryWithoutSecrets() throws Exception {
        try (MigrationDatabase db = MigrationDatabase.open(Backend.H2)) {
            db.addKeys(KeyMigrationTest.PLAIN, KeyMigrationTest.KEYS);
            assertEquals(0, run(Map.of("DATABASE_DSN", db.name, "ENCRYPTION_KEY", "whatever"), "--to", K1));
            String all = out() + err();
            assertTrue(out().contains("Done: enable encryption, 3 keys migrated."), out());
            assertTrue(out().contains("Request-log key values were not migrated"), out());
            assertTrue(out().contains("ENCRYPTION_KEY set to the --to key"), out());
            assertTrue(out().contains("ENCRYPTION_KEY is set in the environment"), out());
            assertFalse(all.contains(K1), "never prints the encryption key");
            KeyMigrationTest.KEYS.forEach(k -> assertFalse(all.contains(k), "never prints a key value"));
            db.rows().values().forEach(r -> assertFalse(all.contains(r.value()), "nor a stored value"));

            assertEquals(1, run(Map.of("DATABASE_DSN", db.name), "--to", K1));
            assertTrue(err().contains("already encrypted with the --to key"), err());
            assertTrue(err().strip().endsWith("api_keys is unchanged"), err());
        }
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return MigrateKeys.run(args, env, workDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
