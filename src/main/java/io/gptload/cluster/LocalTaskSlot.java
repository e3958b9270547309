package io.gptload.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link TaskSlot} in memory, for one node ({@link ClusterTaskSlot} picks it without Redis). A task still "running" after 60 minutes is considered dead (the
 * original's TTL), so a crashed task cannot block the slot forever.
 */
public class LocalTaskSlot implements TaskSlot {

    static final Duration STALE_AFTER = Duration.ofMinutes(60);

    private final AtomicReference<TaskStatus> current = new AtomicReference<>(TaskStatus.NONE);

    @Override
    public Optional<Handle> tryStart(String taskType, String groupName, int total) {
        while (true) {
            TaskStatus now = current.get();
            if (now.running() && now.startedAt().plus(STALE_AFTER).isAfter(OffsetDateTime.now())) {
                return Optional.empty();
            }
            TaskStatus mine = new TaskStatus(taskType, true, groupName, 0, total, Map.of(), "", OffsetDateTime.now(), null);
            if (current.compareAndSet(now, mine)) {
                return Optional.of(new LocalHandle(mine));
            }
        }
    }

    @Override
    public TaskStatus status() {
        return current.get();
    }

    /** Updates only while the slot still holds this handle's task. */
    private final class LocalHandle implements Handle {
        private final TaskStatus started;

        LocalHandle(TaskStatus started) {
            this.started = started;
        }

        @Override
        public void progress(int processed) {
            current.updateAndGet(s -> s.startedAt() == started.startedAt() && s.running() ? s.withProgress(processed) : s);
        }

        @Override
        public void finish(Map<String, Long> result) {
            end(result, "");
        }

        @Override
        public void fail(String error) {
            end(Map.of(), error == null || error.isBlank() ? "task failed" : error);
        }

        private void end(Map<String, Long> result, String error) {
            current.updateAndGet(s -> s.startedAt() == started.startedAt() && s.running()
                    ? s.finished(result, error, OffsetDateTime.now()) : s);
        }
    }
}
