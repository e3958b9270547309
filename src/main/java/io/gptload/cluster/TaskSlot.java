package io.gptload.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * The single async-task slot (spec §1 row 29): at most one key import, delete or validation runs
 * at a time. Claiming is atomic (gpt-load's read-then-set is not). In-memory on one node; the
 * cluster issue adds a Redis implementation behind the same interface.
 */
public interface TaskSlot {

    /** A claimed slot: report progress, then finish or fail exactly once. */
    interface Handle {
        void progress(int processed);

        void finish(Map<String, Long> result);

        void fail(String error);
    }

    /** Claims the slot; empty when a task is already running (the API answers 409 TASK_IN_PROGRESS). */
    Optional<Handle> tryStart(String taskType, String groupName, int total);

    /** The current or last task. */
    TaskStatus status();
}
