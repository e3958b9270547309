package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.KeyCipher;
import jakarta.json.JsonArray;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/gpt-load.jar migrate-keys} on the H2 database of a stopped gateway
 * (spec row 23): enable, rotate and disable encryption, each followed by a gateway that still
 * injects the plaintext keys and lists them; the refusals a user meets; the command's usage.
 */
class MigrateKeysIT {

    private static final String K1 = Secrets.remember("it-migrate-key-one-5b0e27");
    private static final String K2 = Secrets.remember("it-migrate-key-two-c41f9a");
    private static final String PROXY_KEY = "pk-migrate-keys-it";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private record Run(int exit, String out, String err) {
    }

    @Test
    void enableRotateAndDisableOnAStoppedGateway() throws Exception {
        String name = Fixtures.unique("mig");
        String a = "sk-mig-a-" + name;
        String b = "sk-mig-b-" + name;
        List<String> keys = List.of(a, b);
        try (FakeUpstream up = FakeUpstream.start()) {
            Path workDir;
            long groupId;
            try (Gateway gw = Gateway.start("migrate-keys-1-plain", Map.of())) {
                workDir = gw.workDir();
                Api api = new Api(gw);
                groupId = Fixtures.group(api, name, "openai", up.baseUrl(), PROXY_KEY, "");
                Fixtures.keys(api, groupId, a, b);
                assertServes(gw, api, up, name, groupId, keys);

                Run busy = migrate(workDir, "--to", K1);
                assertEquals(1, busy.exit(), busy.toString());
                assertTrue(busy.err().contains("cannot open the database"), busy.err());
            }
            assertStored(workDir, KeyCipher.of(""), keys);

            Run enable = migrate(workDir, "--to", K1);
            assertEquals(0, enable.exit(), enable.toString());
            assertTrue(enable.out().contains("Done: enable encryption, 2 keys migrated."), enable.out());
            assertTrue(enable.out().contains("Request-log key values were not migrated"), enable.out());
            assertStored(workDir, KeyCipher.of(K1), keys);
            assertFalse(enable.out().contains(a) || enable.out().contains(b), "no key value in the output");

            Run again = migrate(workDir, "--to=" + K1);
            assertEquals(1, again.exit(), again.toString());
            assertTrue(again.err().contains("already encrypted with the --to key"), again.err());

            try (Gateway gw = Gateway.start("migrate-keys-2-k1", Map.of("ENCRYPTION_KEY", K1), workDir)) {
                assertServes(gw, new Api(gw), up, name, groupId, keys);
            }

            Run wrongFrom = migrate(workDir, "--from", K2, "--to", K1 + "-x");
            assertEquals(1, wrongFrom.exit(), wrongFrom.toString());
            assertTrue(wrongFrom.err().contains("2 of 2 keys cannot be decrypted with the --from key"),
                    wrongFrom.err());
            assertStored(workDir, KeyCipher.of(K1), keys);

            Run rotate = migrate(workDir, "--from", K1, "--to", K2);
            assertEquals(0, rotate.exit(), rotate.toString());
            assertStored(workDir, KeyCipher.of(K2), keys);
            try (Gateway gw = Gateway.start("migrate-keys-3-k2", Map.of("ENCRYPTION_KEY", K2), workDir)) {
                assertServes(gw, new Api(gw), up, name, groupId, keys);
            }

            Run disable = migrate(workDir, "--from=" + K2);
            assertEquals(0, disable.exit(), disable.toString());
            assertTrue(disable.out().contains("start the gateway without ENCRYPTION_KEY"), disable.out());
            assertStored(workDir, KeyCipher.of(""), keys);
            try (Gateway gw = Gateway.start("migrate-keys-4-plain", Map.of(), workDir)) {
                assertServes(gw, new Api(gw), up, name, groupId, keys);
            }
        }
    }

    @Test
    void helpExitsZeroAndABadFlagExitsTwoWithOneLine() throws Exception {
        Path dir = Files.createTempDirectory(logs(), "migrate-keys-usage-");
        Run help = migrate(dir, "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Usage: java -jar gpt-load.jar migrate-keys"), help.out());
        assertTrue(help.out().contains("STOP THE GATEWAY"), help.out());

        Run bad = migrate(dir, "--frm", K1);
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals(List.of("migrate-keys: unknown option '--frm' (see: migrate-keys --help)"),
                bad.err().strip().lines().toList());

        Run top = run(dir, "help");
        assertEquals(0, top.exit(), top.toString());
        assertTrue(top.out().contains("migrate-keys"), top.out());
    }

    /** Two proxied requests reach the upstream with the plaintext keys; the API lists them in plaintext. */
    private static void assertServes(Gateway gw, Api api, FakeUpstream up, String group, long groupId,
            List<String> keys) throws Exception {
        int before = up.requestsWithKeyPrefix("").size();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = Fixtures.post(gw, "/proxy/" + group + "/v1/chat/completions", PROXY_KEY,
                    "{\"model\":\"m\"}");
            assertEquals(200, r.statusCode(), r.body());
        }
        List<FakeUpstream.Recorded> received = up.requestsWithKeyPrefix("");
        assertEquals(before + 2, received.size());
        received.forEach(r -> assertTrue(keys.contains(r.key()), "upstream got a plaintext key"));
        Api.Resp list = api.get("/api/keys?group_id=" + groupId);
        assertEquals(200, list.status(), list.body());
        JsonArray items = list.data().getJsonArray("items");
        Set<String> listed = new TreeSet<>();
        items.forEach(v -> listed.add(v.asJsonObject().getString("key_value")));
        assertEquals(new TreeSet<>(keys), listed);
    }

    /** The rows as stored: under {@code cipher}, with its hash (SHA-256 when disabled). */
    private static void assertStored(Path workDir, KeyCipher cipher, List<String> keys) throws Exception {
        Set<String> plain = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/gpt-load")
                + ";IFEXISTS=TRUE", "", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_value, key_hash FROM api_keys")) {
            while (rs.next()) {
                String value = cipher.decrypt(rs.getString(1));
                assertEquals(cipher.enabled(), !keys.contains(rs.getString(1)), "encrypted iff a key is set");
                assertEquals(cipher.hash(value), rs.getString(2));
                plain.add(value);
            }
        }
        assertEquals(new TreeSet<>(keys), plain);
    }

    private static Run migrate(Path dir, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "migrate-keys";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(dir, all);
    }

    /** Runs the uber-jar as a user would, in {@code dir}; its output is kept under target/it-logs. */
    private static Run run(Path dir, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/gpt-load.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        int n = RUNS.incrementAndGet();
        Path out = logs().resolve("migrate-keys-cli-" + n + ".log");
        Path err = logs().resolve("migrate-keys-cli-" + n + ".err.log");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DATABASE_DSN");
        pb.environment().remove("ENCRYPTION_KEY");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("migrate-keys did not finish within 120 s: " + String.join(" ", args));
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        for (String secret : List.of(K1, K2)) {
            assertFalse((run.out() + run.err()).contains(secret), "the output never shows an encryption key");
        }
        return run;
    }

    private static Path logs() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("gateway.logs", "target/it-logs")).toAbsolutePath());
    }
}
