package io.gptload.admin;

import io.gptload.cluster.TaskStatus;
import java.io.Serializable;
import java.util.Map;

/** The progress panel's view of the task slot: what runs (or ran last), how far, and its outcome. */
public record TaskView(String type, boolean running, String groupName, int processed, int total,
                       Map<String, Long> result, String error) implements Serializable {

    static TaskView of(TaskStatus s) {
        return new TaskView(s.taskType(), s.running(), s.groupName(), s.processed(), s.total(), Map.copyOf(s.result()),
                s.error());
    }

    /** Progress in whole percent, 0–100; 100 once a task has ended. */
    public int getPercent() {
        if (!running) {
            return type.isEmpty() ? 0 : 100;
        }
        return total <= 0 ? 0 : (int) Math.min(100, (long) processed * 100 / total);
    }

    /** Whether any task has run since the gateway started. */
    public boolean isKnown() {
        return !type.isEmpty();
    }

    /** The message key naming the task type, e.g. {@code task.KEY_IMPORT}. */
    public String getTypeKey() {
        return "task." + type;
    }

    public long count(String name) {
        return result.getOrDefault(name, 0L);
    }
}
