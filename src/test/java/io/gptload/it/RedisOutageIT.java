package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A Redis outage under load (cluster issue): two nodes on PostgreSQL share a Redis that this test
 * runs on its own port. The Redis process is killed while both nodes serve a steady stream of
 * requests: every request still succeeds. A key added on A during the outage reaches B once Redis
 * is back (B resynchronises after reconnecting; A sends its held notice again). Skipped when
 * PostgreSQL or the redis-server binary is missing.
 */
class RedisOutageIT {

    private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

    private static Process startRedis(int port, Path dir) throws Exception {
        Process p = new ProcessBuilder(REDIS_SERVER.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Jedis j = new Jedis("127.0.0.1", port, 500)) {
                if ("PONG".equals(j.ping())) {
                    return p;
                }
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server did not start on port " + port);
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

    @Test
    void theProxyKeepsServingWhenRedisDiesAndTheNodesConvergeAfterItsReturn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(REDIS_SERVER), "no " + REDIS_SERVER + ", skipping the Redis outage test");
        Assumptions.assumeTrue(ScratchDatabase.reachable(ScratchDatabase.Backend.POSTGRESQL),
                "PostgreSQL on 127.0.0.1 is unreachable, skipping the Redis outage test");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FakeUpstream up = FakeUpstream.start();
        try (ScratchDatabase db = ScratchDatabase.create(ScratchDatabase.Backend.POSTGRESQL)) {
            Path redisDir = Files.createTempDirectory(db.workDir().getParent(), "redis-outage-");
            Process redis = startRedis(port, redisDir);
            Map<String, String> env = new java.util.HashMap<>(db.env());
            env.put("REDIS_DSN", "redis://127.0.0.1:" + port + "/0");
            try (Gateway a = Gateway.start("outage-a", env, db.workDir());
                 Gateway b = Gateway.start("outage-b", env, Files.createTempDirectory(db.workDir().getParent(), "work-outage-b-"))) {
                Api apiA = new Api(a);
                String name = Fixtures.unique("out");
                String pk = "pk-" + name;
                long id = Fixtures.group(apiA, name, "openai", up.baseUrl(), pk, "");
                Fixtures.keys(apiA, id, Secrets.remember("sk-out-1-" + name), Secrets.remember("sk-out-2-" + name));
                long t0 = System.nanoTime();
                while (chat(b, name, pk) != 200) {
                    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "B never served the group");
                    Thread.sleep(50);
                }

                // steady load on both nodes while Redis goes away
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger ok = new AtomicInteger();
                Map<Integer, Integer> failures = new ConcurrentHashMap<>();
                Thread load = Thread.ofPlatform().start(() -> {
                    for (int i = 0; loading.get(); i++) {
                        int status = chat(i % 2 == 0 ? a : b, name, pk);
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.merge(status, 1, Integer::sum);
                        }
                    }
                });
                Thread.sleep(1000);
                redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                int beforeOutage = ok.get();
                Thread.sleep(5000);
                int duringOutage = ok.get() - beforeOutage;
                var ready = Fixtures.send(java.net.http.HttpRequest.newBuilder(a.uri("/healthz/ready")));
                assertEquals(503, ready.statusCode(), "readiness says Redis is down: " + ready.body());
                assertTrue(ready.body().contains("redis"), ready.body());

                // a key added on A while Redis is down
                String late = Secrets.remember("sk-out-late-" + name);
                Fixtures.keys(apiA, id, late);
                Thread.sleep(2000);
                loading.set(false);
                load.join(10_000);
                redis = startRedis(port, redisDir);
                long back = System.nanoTime();
                long converged = -1;
                while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(20)) {
                    if (usedBy(up, late, b, name, pk)) { // only B sends traffic now
                        converged = (System.nanoTime() - back) / 1_000_000;
                        break;
                    }
                    Thread.sleep(100);
                }
                System.out.println("[RedisOutageIT] " + duringOutage + " requests answered in the 5 s without Redis; "
                        + ok.get() + " in all; failures " + failures + "; B used the key added during the outage "
                        + converged + " ms after Redis came back");
                assertEquals(Map.of(), failures, "requests failed while Redis was down or coming back");
                assertTrue(duringOutage > 0, "no request was answered while Redis was down");
                assertTrue(converged >= 0, "B never used the key added on A during the outage");
            } finally {
                redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            up.close();
        }
    }

    /** Sends a few requests through B and says whether one of them reached the upstream with {@code key}. */
    private static boolean usedBy(FakeUpstream up, String key, Gateway b, String group, String pk) {
        int before = up.requests(key).size();
        for (int i = 0; i < 6; i++) {
            chat(b, group, pk);
        }
        return up.requests(key).size() > before;
    }
}
