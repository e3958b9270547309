package io.gptload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.config.ConfigLookup;
import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.config.OutboundTls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Key checks in a real Redis (database 9 at 127.0.0.1:6379; skipped without one), as two nodes see them. */
class SharedKeyChecksTest {

    private static final String DSN = "redis://127.0.0.1:6379/9";

    @Test
    void oneNodesCheckIsReadByAnotherAndExpiresOnItsOwn() {
        Assumptions.assumeTrue(redisReachable(), "skipped: no Redis at 127.0.0.1:6379");
        RedisConnection a = connect(DSN);
        RedisConnection b = connect(DSN);
        try {
            SharedKeyChecks nodeA = new SharedKeyChecks(a);
            SharedKeyChecks nodeB = new SharedKeyChecks(b);
            long id = 900_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L);

            assertTrue(nodeA.put(id, "1700000000000 [status 401] Incorrect API key provided"));
            assertEquals(Optional.of(Map.of(id, "1700000000000 [status 401] Incorrect API key provided")),
                    nodeB.get(List.of(id, id + 1)));
            long ttl = a.call(j -> j.ttl(SharedKeyChecks.PREFIX + id));
            assertTrue(ttl > 0 && ttl <= SharedKeyChecks.TTL_SECONDS, "expires on its own: " + ttl);

            nodeB.remove(List.of(id));
            assertEquals(Optional.of(Map.of()), nodeA.get(List.of(id)));
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void manyKeysAreReadAndRemovedInChunks() {
        Assumptions.assumeTrue(redisReachable(), "skipped: no Redis at 127.0.0.1:6379");
        RedisConnection c = connect(DSN);
        try {
            SharedKeyChecks checks = new SharedKeyChecks(c);
            long base = 800_000_000L + Math.floorMod(System.nanoTime(), 1_000_000L) * 10_000;
            List<Long> ids = new ArrayList<>(LongStream.range(base, base + 1_234).boxed().toList());
            ids.forEach(id -> checks.put(id, "1 reason " + id));
            Map<Long, String> got = checks.get(ids).orElseThrow();
            assertEquals(1_234, got.size());
            assertEquals("1 reason " + (base + 1_233), got.get(base + 1_233));

            checks.remove(ids);
            assertTrue(checks.get(ids).orElseThrow().isEmpty());
        } finally {
            c.close();
        }
    }

    @Test
    void withoutRedisNothingIsShared() {
        SharedKeyChecks none = new SharedKeyChecks(null);
        assertFalse(none.enabled());
        assertFalse(none.put(1, "1 reason"));
        assertEquals(Optional.empty(), none.get(List.of(1L)));
        none.remove(List.of(1L)); // nothing to do, no failure

        RedisConnection unset = connect(null);
        assertFalse(new SharedKeyChecks(unset).enabled(), "REDIS_DSN not set");
    }

    @Test
    void whileRedisIsAwayReadsSayNotSharedAndWritesAreDropped() {
        RedisConnection away = connect("redis://127.0.0.1:1/0");
        try {
            SharedKeyChecks checks = new SharedKeyChecks(away);
            assertTrue(checks.enabled());
            assertFalse(checks.put(1, "1 reason"));
            assertEquals(Optional.empty(), checks.get(List.of(1L)));
            checks.remove(List.of(1L)); // logged at FINE, not thrown
            AtomicInteger calls = new AtomicInteger();
            SharedKeyChecks counted = new SharedKeyChecks(new RedisConnection() {
                @Override
                public boolean enabled() {
                    return true;
                }

                @Override
                public <T> T call(java.util.function.Function<Jedis, T> work) {
                    calls.incrementAndGet();
                    return away.call(work);
                }
            });
            for (int i = 0; i < 100; i++) {
                counted.put(i, "1 reason");
            }
            assertEquals(1, calls.get(), "after a failure Redis is left alone for a while, not asked once per key");
        } finally {
            away.close();
        }
    }

    private static RedisConnection connect(String dsn) {
        Map<String, String> env = dsn == null ? Map.of("AUTH_KEY", "a-test-auth-key")
                : Map.of("AUTH_KEY", "a-test-auth-key", "REDIS_DSN", dsn);
        RedisConnection c = new RedisConnection(GatewayConfig.read(new ConfigLookup(k -> Optional.ofNullable(env.get(k)))),
                OutboundTls.serverDefault());
        c.open();
        return c;
    }

    private static boolean redisReachable() {
        try (Jedis j = new Jedis("127.0.0.1", 6379, 2000)) {
            return "PONG".equals(j.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
