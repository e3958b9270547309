package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The master's background jobs (spec §7), on a gateway of its own whose timers tick every 2 s
 * ({@code KEY_VALIDATION_CHECK_INTERVAL_SECONDS}, {@code LOG_CLEANUP_INTERVAL_SECONDS}) and a scratch
 * PostgreSQL database the test can reach into. Skipped when PostgreSQL is not running.
 *
 * <p>The re-validation interval cannot go below 1 minute. Instead of waiting a minute, the test
 * moves a group's {@code last_validated_at} two minutes back with SQL, exactly what the passing of
 * time would do; a group with a 60-minute interval, moved back the same way, must not be touched.
 */
class JobsIT {

    private static ScratchDatabase db;
    private static Gateway gw;
    private static FakeUpstream up;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        db = ScratchDatabase.create(Backend.POSTGRESQL);
        up = FakeUpstream.start();
        Map<String, String> env = new HashMap<>(db.env());
        env.put("KEY_VALIDATION_CHECK_INTERVAL_SECONDS", "2");
        env.put("LOG_CLEANUP_INTERVAL_SECONDS", "2");
        gw = Gateway.start("jobs", env, db.workDir());
        api = new Api(gw);
    }

    @AfterAll
    static void stop() throws Exception {
        if (gw != null) {
            gw.close();
        }
        if (up != null) {
            up.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static JsonObject key(long groupId, String value) {
        return api.get("/api/keys?group_id=" + groupId + "&key_value=" + value).data().getJsonArray("items")
                .getJsonObject(0);
    }

    private static void moveLastValidatedBack(long groupId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE " + db.groupsTable()
                + " SET last_validated_at = now() - interval '2 minutes' WHERE id = ?")) {
            ps.setLong(1, groupId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** Blacklists the group's only key through the proxy (upstream 401, threshold 1), then lets the upstream accept it. */
    private static void blacklistThroughTheProxy(String name, long id, String key) throws Exception {
        up.on(key, FakeUpstream.json(401, "{\"error\":{\"message\":\"bad key\"}}"));
        Fixtures.keys(api, id, key);
        assertEquals(401, Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}").statusCode());
        assertTrue(await(() -> "invalid".equals(key(id, key).getString("status")), 10), "blacklisted: " + key(id, key));
        up.on(key, FakeUpstream.json(200, "{\"id\":\"ok\"}"));
    }

    @Test
    void aBlacklistedKeyComesBackByItselfOnceItsGroupIsDue() throws Exception {
        OffsetDateTime testStart = OffsetDateTime.now().minusSeconds(1);
        String config = ",\"config\":{\"blacklist_threshold\":1,\"max_retries\":0,\"key_validation_interval_minutes\":";
        String due = Fixtures.unique("jobs-due");
        long dueId = Fixtures.group(api, due, "openai", up.baseUrl(), "pk-" + due, config + "1}");
        String notDue = Fixtures.unique("jobs-wait");
        long notDueId = Fixtures.group(api, notDue, "openai", up.baseUrl(), "pk-" + notDue, config + "60}");
        // the first tick after creation validates both groups (no invalid keys yet) and stamps them
        assertTrue(await(() -> lastValidatedAt(due) != null && lastValidatedAt(notDue) != null, 20),
                "new groups are validated at the next tick");
        String dueKey = "sk-recover-" + due;
        String waitKey = "sk-wait-" + notDue;
        blacklistThroughTheProxy(due, dueId, dueKey);
        blacklistThroughTheProxy(notDue, notDueId, waitKey);

        moveLastValidatedBack(dueId);
        moveLastValidatedBack(notDueId);
        assertTrue(await(() -> "active".equals(key(dueId, dueKey).getString("status")), 20),
                "re-validated and restored: " + key(dueId, dueKey));
        assertEquals(0, key(dueId, dueKey).getInt("failure_count"));
        assertEquals(200, Fixtures.post(gw, "/proxy/" + due + "/v1/chat/completions", "pk-" + due, "{}").statusCode(),
                "the restored key serves traffic again");
        OffsetDateTime stamped = lastValidatedAt(due);
        assertTrue(stamped.isAfter(testStart), "last_validated_at set by the job: " + stamped);

        Thread.sleep(5000); // two more ticks
        assertEquals("invalid", key(notDueId, waitKey).getString("status"),
                "a group whose 60-minute interval has not passed is left alone");
        assertEquals(1, up.requests(waitKey).size(), "only the proxied request, never a probe");
    }

    private static OffsetDateTime lastValidatedAt(String name) {
        for (var v : api.get("/api/groups").obj().getJsonArray("data")) {
            JsonObject g = v.asJsonObject();
            if (name.equals(g.getString("name"))) {
                return g.isNull("last_validated_at") ? null : OffsetDateTime.parse(g.getString("last_validated_at"));
            }
        }
        throw new AssertionError("group " + name + " not listed");
    }

    private static int logs(String groupName, String age) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM request_logs"
                + " WHERE group_name = ? AND \"timestamp\" " + age)) {
            ps.setString(1, groupName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int logsOrFail(String groupName, String age) {
        try {
            return logs(groupName, age);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void plantLogs(String groupName, int count, String age) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO request_logs (id,"
                + " \"timestamp\", group_id, group_name, is_success, status_code, duration, request_type, is_stream)"
                + " VALUES (?, now() - interval '" + age + "', 1, ?, TRUE, 200, 3, 'final', FALSE)")) {
            for (int i = 0; i < count; i++) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, groupName);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Test
    void retentionDeletesLogsOlderThanTheSettingAndZeroKeepsThem() throws Exception {
        String tag = Fixtures.unique("retention");
        assertEquals(200, api.put("/api/settings", "{\"request_log_retention_days\":0}").status());
        plantLogs(tag, 30, "2 days");
        plantLogs(tag, 5, "1 hour");
        Thread.sleep(5000); // two ticks with retention 0
        assertEquals(30, logs(tag, "< now() - interval '1 day'"), "0 keeps logs forever");

        assertEquals(200, api.put("/api/settings", "{\"request_log_retention_days\":1}").status());
        assertTrue(await(() -> logsOrFail(tag, "< now() - interval '1 day'") == 0, 20), "old logs deleted");
        assertEquals(5, logs(tag, "> now() - interval '1 day'"), "recent logs kept");
    }
}
