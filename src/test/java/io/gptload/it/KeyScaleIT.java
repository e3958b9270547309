package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key routes at the sizes gpt-load users hit (spec §9.6, #206, #370): 100 000 keys through
 * add-async with progress along the way, and restore/clear of 50 000 invalid keys on PostgreSQL.
 * Elapsed times are printed for the record, never asserted.
 */
@ExtendWith(SharedGateway.class)
class KeyScaleIT {

    /** Synchronous bulk routes on a shared, busy machine: generous, since timings are not what is tested. */
    private static final Duration SLOW = Duration.ofMinutes(5);

    @Test
    void importsAHundredThousandKeysAsync(Api api, FakeUpstream up) throws Exception {
        Tasks.awaitIdle(api);
        String name = Fixtures.unique("kscale");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        int n = 100_000;
        String text = IntStream.range(0, n).mapToObj(i -> "sk-scale-" + i + "-" + name).collect(Collectors.joining("\\n"));
        long start = System.nanoTime();
        Api.Resp r = api.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\"" + text + "\"}");
        assertEquals(200, r.status(), r.body());
        Tasks.assertStarted(r.data(), "KEY_IMPORT", name, n);
        Tasks.Run run = Tasks.awaitFinished(api, 600_000, 250);
        long importMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(n, run.status().getInt("processed"));
        assertEquals(n, run.status().getJsonObject("result").getInt("added_count"), run.status().toString());
        assertEquals(0, run.status().getJsonObject("result").getInt("ignored_count"));
        assertTrue(run.processed().stream().anyMatch(p -> p > 0 && p < n), "progress visible: " + run.processed());
        assertEquals(n, total(api, id));
        System.out.println("[KeyScaleIT] add-async of " + n + " keys finished in " + importMs + " ms (task "
                + run.status().get("duration_seconds") + " s)");

        for (int i = 0; i < 2; i++) {
            assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}")
                    .statusCode(), "imported keys serve");
        }
        long again = System.nanoTime();
        Api.Resp dup = api.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\"" + text + "\"}");
        assertEquals(200, dup.status(), dup.body());
        Tasks.Run second = Tasks.awaitFinished(api, 600_000, 250);
        assertEquals(n, second.status().getJsonObject("result").getInt("ignored_count"), "all already present");
        System.out.println("[KeyScaleIT] re-import of the same " + n + " keys (all ignored) in "
                + (System.nanoTime() - again) / 1_000_000 + " ms");

        long clear = System.nanoTime();
        Api.Resp cleared = api.send("POST", "/api/keys/clear-all", "{\"group_id\":" + id + "}", SLOW);
        assertEquals(n + " keys cleared", cleared.obj().getString("message"), cleared.body());
        System.out.println("[KeyScaleIT] clear-all of " + n + " keys in " + (System.nanoTime() - clear) / 1_000_000 + " ms");
        assertEquals(0, total(api, id));
    }

    @Test
    void restoresAndClearsFiftyThousandInvalidKeysOnPostgres(FakeUpstream up) throws Exception {
        Assumptions.assumeTrue(ScratchDatabase.reachable(Backend.POSTGRESQL),
                "PostgreSQL on 127.0.0.1:5432 is unreachable, skipping the 50 000 invalid keys test");
        int n = 50_000;
        try (ScratchDatabase db = ScratchDatabase.create(Backend.POSTGRESQL);
             Gateway gw = Gateway.start("keyscale-pg", db.env(), db.workDir())) {
            Api api = new Api(gw);
            String name = Fixtures.unique("kpg");
            long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
            List<String> active = List.of("sk-live1-" + name, "sk-live2-" + name);
            Fixtures.keys(api, id, active.toArray(String[]::new));
            try (Connection c = db.connect()) {
                insertInvalid(c, id, name, n);
            }
            assertEquals(n + 2, total(api, id));

            long t0 = System.nanoTime();
            Api.Resp restored = api.send("POST", "/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}", SLOW);
            assertEquals(n + " keys restored", restored.obj().getString("message"), restored.body());
            System.out.println("[KeyScaleIT] restore-all-invalid of " + n + " keys (PostgreSQL) in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assertEquals(n + 2, total(api, id, "&status=active"));

            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(n, s.executeUpdate("UPDATE api_keys SET status = 'invalid' WHERE key_value LIKE 'sk-inv-%'"));
            }
            long t1 = System.nanoTime();
            Api.Resp cleared = api.send("POST", "/api/keys/clear-all-invalid", "{\"group_id\":" + id + "}", SLOW);
            assertEquals(n + " invalid keys cleared", cleared.obj().getString("message"), cleared.body());
            System.out.println("[KeyScaleIT] clear-all-invalid of " + n + " keys (PostgreSQL) in "
                    + (System.nanoTime() - t1) / 1_000_000 + " ms");
            assertEquals(2, total(api, id));
            assertEquals(2, total(api, id, "&status=active"));
            for (int i = 0; i < 2; i++) {
                assertEquals(200, Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}")
                        .statusCode());
            }
        }
    }

    private static void insertInvalid(Connection c, long groupId, String name, int n) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_value, key_hash, group_id, status, "
                + "notes, request_count, failure_count, created_at, updated_at) VALUES (?, ?, ?, 'invalid', '', 0, 3, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                String key = "sk-inv-" + i + "-" + name;
                ps.setString(1, key);
                ps.setString(2, HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8))));
                ps.setLong(3, groupId);
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
    }

    private static long total(Api api, long id) {
        return total(api, id, "");
    }

    private static long total(Api api, long id, String query) {
        Api.Resp r = api.get("/api/keys?group_id=" + id + "&page_size=1" + query);
        assertEquals(200, r.status(), r.body());
        return r.data().getJsonObject("pagination").getJsonNumber("total_items").longValue();
    }
}
