package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

/**
 * Two gateway processes on one database and one Redis (cluster mode, DECISIONS 10–11), on
 * PostgreSQL and on MariaDB: what is configured through node A is served by node B without a
 * restart; key imports, blacklisting and restores reach the other node within a second; both
 * nodes' request logs land in the database exactly once; the background jobs run on one node
 * under a lease that passes to the other when its holder stops. Skipped (not failed) when the
 * database server or Redis on 127.0.0.1 is not reachable.
 */
class ClusterIT {

    private static final String REDIS = "redis://127.0.0.1:6379/9";

    static boolean redisReachable() {
        try (Jedis j = new Jedis("127.0.0.1", 6379, 2000)) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void flushRedis() {
        try (Jedis j = new Jedis("127.0.0.1", 6379, 2000)) {
            j.select(9);
            j.flushDB();
        }
    }

    private static Map<String, String> env(ScratchDatabase db, String... more) {
        Map<String, String> env = new java.util.HashMap<>(db.env());
        env.put("REDIS_DSN", REDIS);
        for (int i = 0; i + 1 < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** Polls {@code condition} every 50 ms up to {@code limit}; returns the milliseconds it took. */
    private static long await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Threshold 2, one key. Counted per node, A's two failures would blacklist it although B's
     * success came between them, and B's single failure never would; counted by the cluster,
     * B's success resets the count and A's and B's failures add up.
     */
    private static void sharedFailureCounts(ScratchDatabase.Backend backend, Api apiA, Gateway a, Gateway b,
                                            FakeUpstream up) throws Exception {
        String name = Fixtures.unique("cf");
        String proxyKey = "pk-" + name;
        long id = Fixtures.group(apiA, name, "openai", up.baseUrl(), proxyKey,
                ",\"config\":{\"blacklist_threshold\":2,\"max_retries\":0}");
        String key = Secrets.remember("sk-shared-count-" + name);
        String ok = "{\"id\":\"ok\",\"object\":\"chat.completion\",\"choices\":[]}";
        String broke = "{\"error\":{\"message\":\"upstream broke\"}}";
        up.on(key, FakeUpstream.json(200, ok));
        Fixtures.keys(apiA, id, key);
        await("B serves the new group", Duration.ofSeconds(5), () -> chat(b, name, proxyKey) == 200);

        up.on(key, FakeUpstream.json(500, broke));
        assertEquals(500, chat(a, name, proxyKey));
        await("A's failure is counted", Duration.ofSeconds(5), () -> failureCount(apiA, id) == 1);
        Thread.sleep(300); // B learns the count through its notice

        up.on(key, FakeUpstream.json(200, ok));
        assertEquals(200, chat(b, name, proxyKey));
        await("B's success resets the cluster's count", Duration.ofSeconds(5), () -> failureCount(apiA, id) == 0);
        Thread.sleep(300);

        up.on(key, FakeUpstream.json(500, broke));
        assertEquals(500, chat(a, name, proxyKey));
        await("A's second failure counts 1, after B's reset", Duration.ofSeconds(5), () -> failureCount(apiA, id) == 1);
        Thread.sleep(300);
        assertEquals(0, invalidKeys(apiA, id), "A blacklisted the key on its own count (B's success ignored)");

        assertEquals(500, chat(b, name, proxyKey));
        long t = await("B's failure is the cluster's second: the key is blacklisted", Duration.ofSeconds(5),
                () -> invalidKeys(apiA, id) == 1);
        Thread.sleep(1000);
        assertEquals(503, chat(a, name, proxyKey), "A no longer uses the key blacklisted through B");
        assertEquals(503, chat(b, name, proxyKey), "nor does B");
        System.out.println("[ClusterIT] " + backend + ": a success on B reset A's count; failures on A and B "
                + "blacklisted the key together (" + t + " ms after the second)");
    }

    private static int failureCount(Api api, long groupId) {
        return api.get("/api/keys?group_id=" + groupId).data().getJsonArray("items").getJsonObject(0)
                .getInt("failure_count");
    }

    private static int invalidKeys(Api api, long groupId) {
        return api.get("/api/keys?group_id=" + groupId + "&status=invalid").data().getJsonObject("pagination")
                .getInt("total_items");
    }

    private static int chat(Gateway gw, String group, String proxyKey) {
        try {
            HttpResponse<String> r = Fixtures.post(gw, "/proxy/" + group + "/v1/chat/completions", proxyKey,
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            return r.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ScratchDatabase.Backend.class, names = {"POSTGRESQL", "MARIADB"})
    void twoNodesShareGroupsKeysStateAndLogs(ScratchDatabase.Backend backend) throws Exception {
        Assumptions.assumeTrue(ScratchDatabase.reachable(backend), backend + " on 127.0.0.1 is unreachable, skipping");
        Assumptions.assumeTrue(redisReachable(), "Redis on 127.0.0.1:6379 is unreachable, skipping the cluster test");
        flushRedis();
        FakeUpstream up = FakeUpstream.start();
        try (ScratchDatabase db = ScratchDatabase.create(backend);
             Gateway a = Gateway.start("cluster-" + backend.name().toLowerCase() + "-a", env(db), db.workDir());
             Gateway b = Gateway.start("cluster-" + backend.name().toLowerCase() + "-b", env(db),
                     Files.createTempDirectory(db.workDir().getParent(), "work-node-b-"))) {
            Api apiA = new Api(a);
            Api apiB = new Api(b);
            String name = Fixtures.unique("cl");
            String proxyKey = "pk-" + name;

            // readiness covers the database and Redis
            var ready = Fixtures.send(java.net.http.HttpRequest.newBuilder(a.uri("/healthz/ready")));
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"database\"") && ready.body().contains("\"redis\""), ready.body());

            // a group created on A is served by B, without a restart
            long id = Fixtures.group(apiA, name, "openai", up.baseUrl(), proxyKey, ",\"config\":{\"blacklist_threshold\":1}");
            String k1 = Secrets.remember("sk-node-k1-" + name);
            String k2 = Secrets.remember("sk-node-k2-" + name);
            Fixtures.keys(apiA, id, k1, k2);
            long served = await("B serves the group made on A", Duration.ofSeconds(5),
                    () -> chat(b, name, proxyKey) == 200);
            System.out.println("[ClusterIT] " + backend + ": group and keys made on A served by B after " + served + " ms");

            // B rotates over both keys
            for (int i = 0; i < 6; i++) {
                assertEquals(200, chat(b, name, proxyKey));
            }
            assertTrue(up.requests(k1).size() > 0 && up.requests(k2).size() > 0, "both keys used by B");

            // k1 starts failing; A blacklists it (threshold 1); B stops using it within a second
            up.on(k1, FakeUpstream.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
            await("A blacklists k1", Duration.ofSeconds(5), () -> {
                chat(a, name, proxyKey);
                return apiA.get("/api/keys?group_id=" + id + "&status=invalid").data()
                        .getJsonObject("pagination").getInt("total_items") == 1;
            });
            long blacklistSeen = System.nanoTime();
            Thread.sleep(1000);
            int before = up.requests(k1).size();
            for (int i = 0; i < 10; i++) {
                assertEquals(200, chat(b, name, proxyKey));
            }
            assertEquals(before, up.requests(k1).size(), "B sent traffic to a key blacklisted on A over 1 s ago");
            System.out.println("[ClusterIT] " + backend + ": B stopped using the key blacklisted on A within "
                    + (System.nanoTime() - blacklistSeen) / 1_000_000 + " ms (checked after 1 s)");

            // restored on B, A uses it again
            up.on(k1, FakeUpstream.json(200, "{\"id\":\"ok\",\"object\":\"chat.completion\",\"choices\":[]}"));
            Api.Resp restored = apiB.post("/api/keys/restore-all-invalid", "{\"group_id\":" + id + "}");
            assertEquals(200, restored.status(), restored.body());
            int k1Before = up.requests(k1).size();
            long back = await("A uses the key restored on B", Duration.ofSeconds(5), () -> {
                chat(a, name, proxyKey);
                return up.requests(k1).size() > k1Before;
            });
            System.out.println("[ClusterIT] " + backend + ": A used the key restored on B after " + back + " ms");

            // failure counts are the cluster's: one failure on A and one on B reach a threshold of 2;
            // a success on B in between starts the count again everywhere
            sharedFailureCounts(backend, apiA, a, b, up);

            // settings changed on A apply on B
            assertEquals(200, apiA.put("/api/settings", "{\"request_log_retention_days\":12}").status());
            long settingsSeen = await("B sees the setting changed on A", Duration.ofSeconds(5), () ->
                    apiB.get("/api/settings").body().contains("\"request_log_retention_days\"")
                            && retentionDays(apiB) == 12);
            System.out.println("[ClusterIT] " + backend + ": a setting changed on A applied on B after " + settingsSeen + " ms");

            // one key task at a time in the whole cluster: B sees A's import and is refused its own
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                many.append("sk-bulk-").append(i).append('-').append(name).append('\n');
            }
            Api.Resp started = apiA.post("/api/keys/add-async", "{\"group_id\":" + id + ",\"keys_text\":\""
                    + many.toString().replace("\n", "\\n") + "\"}");
            assertEquals(200, started.status(), started.body());
            var statusOnB = apiB.get("/api/tasks/status").data();
            assertEquals("KEY_IMPORT", statusOnB.getString("task_type"), "B sees the task A runs");
            assertEquals(name, statusOnB.getString("group_name"));
            boolean stillRunning = statusOnB.getBoolean("is_running");
            if (stillRunning) { // B must refuse a second task while A's runs
                Api.Resp busy = apiB.post("/api/keys/add-async", "{\"group_id\":" + id
                        + ",\"keys_text\":\"sk-other-" + name + "\"}");
                assertTrue(busy.status() == 409 || apiB.get("/api/tasks/status").data().getInt("total") == 1,
                        "a second task started while A's import ran: " + busy.body());
            }
            System.out.println("[ClusterIT] " + backend + ": B saw A's import " + (stillRunning ? "running ("
                    + statusOnB.getInt("processed") + "/" + statusOnB.getInt("total") + ")" : "finished"));
            await("the import finishes, seen from B", Duration.ofSeconds(60),
                    () -> !apiB.get("/api/tasks/status").data().getBoolean("is_running"));
            await("B has the imported keys in rotation", Duration.ofSeconds(5), () -> {
                chat(b, name, proxyKey);
                return up.requestsWithKeyPrefix("sk-bulk-").size() > 0;
            });

            // no Redis command on the proxy path: 100 requests through both nodes
            Map<String, Long> statsBefore = commandCalls();
            for (int i = 0; i < 50; i++) {
                assertEquals(200, chat(a, name, proxyKey));
                assertEquals(200, chat(b, name, proxyKey));
            }
            Map<String, Long> after = commandCalls();
            long calls = 0;
            StringBuilder which = new StringBuilder();
            for (var e : after.entrySet()) {
                long d = e.getValue() - statsBefore.getOrDefault(e.getKey(), 0L);
                if (d > 0 && !e.getKey().equals("info") && !e.getKey().equals("eval")) { // eval: job leases, on their timer
                    calls += d;
                    which.append(e.getKey()).append('=').append(d).append(' ');
                }
            }
            System.out.println("[ClusterIT] " + backend + ": Redis commands during 100 proxied requests: " + calls
                    + " " + which);
            assertEquals(0, calls, "Redis commands on the proxy path: " + which);

            // every request of both nodes is logged once
            String logged = Fixtures.unique("lg");
            long gid = Fixtures.group(apiA, logged, "openai", up.baseUrl(), "pk-" + logged, "");
            Fixtures.keys(apiA, gid, Secrets.remember("sk-log-" + logged));
            await("B serves the log group", Duration.ofSeconds(5), () -> chat(b, logged, "pk-" + logged) == 200);
            Thread.sleep(6000); // the probes above are written by now
            long probes = count(db, logged);
            for (int i = 0; i < 7; i++) {
                assertEquals(200, chat(a, logged, "pk-" + logged));
                assertEquals(200, chat(b, logged, "pk-" + logged));
            }
            long expected = probes + 14;
            await("both nodes' logs written", Duration.ofSeconds(20), () -> count(db, logged) >= expected);
            Thread.sleep(6000); // one more flush interval: nothing is written twice
            assertEquals(expected, count(db, logged));
        } finally {
            up.close();
        }
    }

    /** Calls per command since Redis started, from {@code INFO commandstats}. */
    private static Map<String, Long> commandCalls() {
        Map<String, Long> out = new java.util.HashMap<>();
        try (Jedis j = new Jedis("127.0.0.1", 6379, 2000)) {
            for (String line : j.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_")) {
                    String cmd = line.substring(8, line.indexOf(':'));
                    String calls = line.substring(line.indexOf("calls=") + 6, line.indexOf(',', line.indexOf("calls=")));
                    out.put(cmd, Long.parseLong(calls));
                }
            }
        }
        return out;
    }

    private static int retentionDays(Api api) {
        for (var cat : api.get("/api/settings").json().asJsonObject().getJsonArray("data")) {
            for (var s : cat.asJsonObject().getJsonArray("settings")) {
                if ("request_log_retention_days".equals(s.asJsonObject().getString("key"))) {
                    return s.asJsonObject().getJsonNumber("value").intValue();
                }
            }
        }
        return -1;
    }

    private static long count(ScratchDatabase db, String group) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM request_logs WHERE group_name = '" + group + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void theJobLeasePassesToTheOtherNodeWhenItsHolderStops() throws Exception {
        Assumptions.assumeTrue(ScratchDatabase.reachable(ScratchDatabase.Backend.POSTGRESQL),
                "PostgreSQL on 127.0.0.1 is unreachable, skipping");
        Assumptions.assumeTrue(redisReachable(), "Redis on 127.0.0.1:6379 is unreachable, skipping the cluster test");
        flushRedis();
        try (ScratchDatabase db = ScratchDatabase.create(ScratchDatabase.Backend.POSTGRESQL)) {
            Map<String, String> env = env(db, "KEY_VALIDATION_CHECK_INTERVAL_SECONDS", "2");
            Gateway a = Gateway.start("cluster-lease-a", env, db.workDir());
            Gateway b = Gateway.start("cluster-lease-b", env,
                    Files.createTempDirectory(db.workDir().getParent(), "work-lease-b-"));
            Gateway slave = Gateway.start("cluster-lease-slave", env(db, "KEY_VALIDATION_CHECK_INTERVAL_SECONDS", "2",
                    "IS_SLAVE", "true"), Files.createTempDirectory(db.workDir().getParent(), "work-lease-s-"));
            try {
                String taken = "now runs the job 'key-validation'";
                await("one node takes the key-validation lease", Duration.ofSeconds(10),
                        () -> logHas(a, taken) || logHas(b, taken));
                Gateway holder = logHas(a, taken) ? a : b;
                Gateway other = holder == a ? b : a;
                Thread.sleep(3000); // a few ticks: still only one holder
                assertTrue(!logHas(other, taken), "both nodes ran the job");
                holder.close(); // SIGTERM: a clean stop gives the lease back
                long handover = await("the other node takes the lease over", Duration.ofSeconds(30),
                        () -> logHas(other, taken));
                System.out.println("[ClusterIT] key-validation lease handed over " + handover + " ms after the holder stopped");
                assertTrue(!logHas(slave, taken), "a slave never runs the jobs");
            } finally {
                slave.close();
                a.close();
                b.close();
            }
        }
    }

    private static boolean logHas(Gateway gw, String text) {
        try {
            return Files.readString(gw.log()).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
