package io.gptload.keypool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.cluster.SharedFailureCounts;
import io.gptload.shared.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SharedFailureWritesTest {

    private final PooledKey key = new PooledKey(5, 7, new Secret("sk-5"), "h5", "sk-5");

    /** A shared store in memory that records what it was asked. */
    private static final class Counts extends SharedFailureCounts {
        long value;
        boolean away;
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public OptionalLong add(long keyId, int failures) {
            calls.add("add " + failures);
            if (away) {
                return OptionalLong.empty();
            }
            value += failures;
            return OptionalLong.of(value);
        }

        @Override
        public boolean reset(long keyId) {
            calls.add("reset");
            value = 0;
            return !away;
        }
    }

    /** Runs nothing until told to: lets submissions pile up as under a burst. */
    private static final class HeldExecutor implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.remove(0).run();
            }
        }
    }

    @Test
    void aBurstOfFailuresCostsOneAdditionAndReportsTheClustersCount() {
        Counts counts = new Counts();
        counts.value = 3; // other nodes' failures
        HeldExecutor executor = new HeldExecutor();
        List<String> seen = new ArrayList<>();
        SharedFailureWrites w = new SharedFailureWrites(counts, executor, id -> 99,
                (k, n, threshold) -> seen.add(k.id() + "=" + n + "/" + threshold));
        for (int i = 0; i < 5; i++) {
            w.failed(key, 10);
        }
        executor.runAll();
        assertEquals(List.of("add 5"), counts.calls);
        assertEquals(List.of("5=8/10"), seen);
    }

    @Test
    void aSuccessInTheBurstResetsFirstAndOnlyLaterFailuresCount() {
        Counts counts = new Counts();
        counts.value = 4;
        HeldExecutor executor = new HeldExecutor();
        List<String> seen = new ArrayList<>();
        SharedFailureWrites w = new SharedFailureWrites(counts, executor, id -> 99,
                (k, n, threshold) -> seen.add(Long.toString(n)));
        w.failed(key, 3);
        w.succeeded(key, 3);
        w.failed(key, 3);
        executor.runAll();
        assertEquals(List.of("reset", "add 1"), counts.calls);
        assertEquals(List.of("1"), seen);

        w.succeeded(key, 3);
        executor.runAll();
        assertEquals(List.of("reset", "add 1", "reset"), counts.calls);
        assertEquals(List.of("1", "0"), seen);
    }

    @Test
    void whileRedisIsAwayTheNodesOwnCountStandsIn() {
        Counts counts = new Counts();
        counts.away = true;
        HeldExecutor executor = new HeldExecutor();
        List<String> seen = new ArrayList<>();
        SharedFailureWrites w = new SharedFailureWrites(counts, executor, id -> id == 5 ? 2 : 0,
                (k, n, threshold) -> seen.add(Long.toString(n)));
        w.failed(key, 3);
        executor.runAll();
        assertEquals(List.of("2"), seen);
    }
}
