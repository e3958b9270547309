package io.gptload.cluster;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * The task slot shared by every node (spec §7: one async key task at a time cluster-wide). The
 * running task's node holds {@code gpt-load:global_task:lock} (renewed with each progress report,
 * so the slot frees itself {@value #LOCK_MS} ms after that node died); the status everyone reads is
 * {@code gpt-load:global_task} (JSON, kept 60 minutes, as gpt-load's). Progress is written at most
 * every {@value #PROGRESS_MS} ms.
 */
final class RedisTaskSlot implements TaskSlot {

    static final long LOCK_MS = 10 * 60 * 1000;
    static final long PROGRESS_MS = 250;
    static final String STATUS = RedisConnection.PREFIX + "global_task";
    static final String LOCK = STATUS + ":lock";
    private static final String WRITE_IF_MINE = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " redis.call('PEXPIRE', KEYS[1], ARGV[3]) redis.call('SET', KEYS[2], ARGV[2], 'EX', 3600)"
            + " return 1 else return 0 end";
    private static final String FINISH_IF_MINE = "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            + " redis.call('SET', KEYS[2], ARGV[2], 'EX', 3600) redis.call('DEL', KEYS[1]) return 1 else return 0 end";

    private final RedisConnection redis;

    RedisTaskSlot(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Handle> tryStart(String taskType, String groupName, int total) {
        String token = redis.nodeId() + ":" + UUID.randomUUID();
        TaskStatus mine = new TaskStatus(taskType, true, groupName, 0, total, Map.of(), "", OffsetDateTime.now(), null);
        boolean claimed = redis.call(j -> {
            String ok = j.set(LOCK, token, SetParams.setParams().nx().px(LOCK_MS));
            if (!"OK".equals(ok)) {
                return false;
            }
            j.setex(STATUS, 3600, TaskStatusCodec.write(mine));
            return true;
        });
        return claimed ? Optional.of(new RedisHandle(token, mine)) : Optional.empty();
    }

    @Override
    public TaskStatus status() {
        List<String> both = redis.call(j -> j.mget(STATUS, LOCK));
        TaskStatus s = TaskStatusCodec.read(both.get(0));
        if (s.running() && both.get(1) == null) {
            // the node that ran it stopped before finishing: the slot is free again
            return s.finished(Map.of(), "the node running this task stopped before it finished", null);
        }
        return s;
    }

    private final class RedisHandle implements Handle {
        private final String token;
        private TaskStatus state;
        private long lastWrite;

        RedisHandle(String token, TaskStatus started) {
            this.token = token;
            this.state = started;
        }

        @Override
        public synchronized void progress(int processed) {
            state = state.withProgress(processed);
            long now = System.currentTimeMillis();
            if (now - lastWrite >= PROGRESS_MS) {
                lastWrite = now;
                write(WRITE_IF_MINE, state);
            }
        }

        @Override
        public synchronized void finish(Map<String, Long> result) {
            state = state.finished(result, "", OffsetDateTime.now());
            write(FINISH_IF_MINE, state);
        }

        @Override
        public synchronized void fail(String error) {
            state = state.finished(Map.of(), error == null || error.isBlank() ? "task failed" : error, OffsetDateTime.now());
            write(FINISH_IF_MINE, state);
        }

        private void write(String script, TaskStatus s) {
            try {
                redis.call(j -> j.eval(script, List.of(LOCK, STATUS),
                        List.of(token, TaskStatusCodec.write(s), Long.toString(LOCK_MS))));
            } catch (RuntimeException e) {
                // Redis is away: the next report writes again; the lock expires by itself
            }
        }
    }
}
