package io.gptload.keypool;

import io.gptload.cluster.TaskSlot;
import io.gptload.cluster.TaskStatus;
import io.gptload.shared.Throwables;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one async key task (import, delete) in the background: claims the single task slot, hands
 * the work to the container's managed executor and records its result or failure in the slot.
 */
@ApplicationScoped
public class KeyTaskRunner {

    static final String BUSY = "a task is already running, please wait";
    private static final Logger LOG = Logger.getLogger(KeyTaskRunner.class.getName());

    /** The body of a task: reports progress through the handle and returns the result counts. */
    @FunctionalInterface
    public interface Job {
        Map<String, Long> run(TaskSlot.Handle progress) throws Exception;
    }

    @Resource
    private ManagedExecutorService executor;
    private TaskSlot slot;

    protected KeyTaskRunner() {
        // for CDI proxies
    }

    @Inject
    public KeyTaskRunner(TaskSlot slot) {
        this.slot = Objects.requireNonNull(slot, "slot");
    }

    /** Claims the slot and starts the job; the answer is the task as it started (running, nothing processed). */
    public TaskStatus start(String taskType, String groupName, int total, Job job) {
        TaskSlot.Handle handle = slot.tryStart(taskType, groupName, total)
                .orElseThrow(() -> new TaskStartException(BUSY));
        TaskStatus started = slot.status();
        try {
            executor.execute(() -> run(taskType, job, handle));
        } catch (RejectedExecutionException e) {
            handle.fail("the task could not be scheduled");
            throw new TaskStartException("the task could not be scheduled");
        }
        return started;
    }

    private static void run(String taskType, Job job, TaskSlot.Handle handle) {
        try {
            handle.finish(job.run(handle));
        } catch (Exception | Error e) {
            LOG.log(Level.WARNING, "{0} task failed: {1}", new Object[]{taskType, Throwables.describe(e)});
            handle.fail(taskType + " failed: " + e.getClass().getSimpleName());
        }
    }
}
