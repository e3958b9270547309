package io.gptload.tools;

import io.gptload.shared.KeyCipher;
import io.gptload.shared.db.DatabaseDsn;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code java -jar gpt-load.jar migrate-keys}: enables, disables or changes the encryption of the
 * stored upstream keys (spec row 23) on the database of {@code DATABASE_DSN}. The launcher calls
 * {@link #run} reflectively with the environment merged over {@code ./.env}.
 *
 * <p>Exit codes: 0 done, 1 refused or failed ({@code api_keys} unchanged), 2 wrong command line
 * or configuration.
 */
public final class MigrateKeys {

    static final String USAGE = """
            Usage: java -jar gpt-load.jar migrate-keys [--from OLD_KEY] [--to NEW_KEY]

              --to NEW              enable encryption: encrypt the plaintext keys with NEW
              --from OLD            disable encryption: decrypt the keys stored under OLD
              --from OLD --to NEW   change the encryption key from OLD to NEW
              (--from=OLD and --to=NEW work too)

            Re-encrypts the upstream keys in api_keys (values and key_hash) after checking that
            every key decrypts with --from and that plaintext is not encrypted twice; verifies the
            result before it replaces the old values in one UPDATE. Request-log key values are not
            migrated.

            Before running it:
              1. STOP THE GATEWAY (every node): it must not run during the migration.
              2. Back up the database.
              3. Run it in the gateway's working directory: DATABASE_DSN is read from the
                 environment and ./.env as the gateway reads it (empty = H2 in ./data).
            Afterwards start the gateway with ENCRYPTION_KEY set to the --to key, or without
            ENCRYPTION_KEY after --from alone.

            Exit codes: 0 done, 1 refused or failed (api_keys unchanged), 2 wrong command line.""";

    private MigrateKeys() {
    }

    /**
     * Runs the command.
     *
     * @param args       the arguments after {@code migrate-keys}
     * @param env        configuration (environment over {@code .env}); only {@code DATABASE_DSN} is read
     * @param workingDir directory that a relative H2 path is resolved against
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err) {
        Objects.requireNonNull(env, "env must not be null");
        MigrateKeysOptions options;
        DatabaseDsn dsn;
        try {
            options = MigrateKeysOptions.parse(List.of(args));
        } catch (MigrateKeysOptions.UsageException e) {
            err.println("migrate-keys: " + e.getMessage() + " (see: migrate-keys --help)");
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            dsn = DatabaseDsn.parse(env.getOrDefault("DATABASE_DSN", ""), workingDir);
        } catch (IllegalArgumentException e) {
            err.println("migrate-keys: DATABASE_DSN: " + e.getMessage());
            return 2;
        }
        Scenario scenario = options.scenario();
        out.println("migrate-keys: " + scenario.description() + " on " + dsn.describe());
        out.println("The gateway must be stopped while this runs.");
        Connection connection;
        try {
            connection = ToolDatabase.open(dsn);
        } catch (SQLException e) {
            err.println("migrate-keys: cannot open the database (" + SqlErrors.describe(e) + "); is the gateway"
                    + " stopped, and is this its working directory or DATABASE_DSN?");
            return 1;
        }
        try (connection) {
            long migrated = new KeyMigration(connection, KeyCipher.of(options.from()), KeyCipher.of(options.to()), out)
                    .run();
            summary(out, scenario, migrated, env.containsKey("ENCRYPTION_KEY"));
            return 0;
        } catch (MigrationException e) {
            err.println("migrate-keys: " + e.getMessage() + "; api_keys is unchanged");
            return 1;
        } catch (SQLException e) {
            err.println("migrate-keys: database error (" + SqlErrors.describe(e) + "); api_keys is unchanged");
            return 1;
        }
    }

    private static void summary(PrintStream out, Scenario scenario, long migrated, boolean envHasKey) {
        out.println("Done: " + scenario.description() + ", " + migrated + " keys migrated.");
        out.println("Request-log key values were not migrated: log entries written before now keep their old form.");
        out.println(switch (scenario) {
            case ENABLE, ROTATE -> "Next: start the gateway with ENCRYPTION_KEY set to the --to key.";
            case DISABLE -> "Next: start the gateway without ENCRYPTION_KEY.";
        });
        if (envHasKey) {
            out.println("Note: ENCRYPTION_KEY is set in the environment or ./.env; migrate-keys ignores it,"
                    + " update it before starting the gateway.");
        }
    }
}
