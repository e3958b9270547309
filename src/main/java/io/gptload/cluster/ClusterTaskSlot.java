package io.gptload.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The {@link TaskSlot} of this node: shared through Redis in cluster mode, in memory otherwise.
 * While Redis cannot be reached a node falls back to its own slot, so imports and validations
 * keep working (one at a time per node, not per cluster, until Redis is back).
 */
@ApplicationScoped
public class ClusterTaskSlot implements TaskSlot {

    private static final Logger LOG = Logger.getLogger(ClusterTaskSlot.class.getName());

    private final LocalTaskSlot local = new LocalTaskSlot();
    private RedisTaskSlot shared;

    protected ClusterTaskSlot() {
        // for CDI proxies
    }

    @Inject
    public ClusterTaskSlot(RedisConnection redis) {
        this.shared = redis.enabled() ? new RedisTaskSlot(redis) : null;
    }

    @Override
    public Optional<Handle> tryStart(String taskType, String groupName, int total) {
        if (shared != null) {
            try {
                return shared.tryStart(taskType, groupName, total);
            } catch (RuntimeException e) {
                LOG.warning("Redis unavailable for the shared task slot (" + e.getClass().getSimpleName()
                        + "); running the task with this node's own slot");
            }
        }
        return local.tryStart(taskType, groupName, total);
    }

    @Override
    public TaskStatus status() {
        TaskStatus mine = local.status();
        if (shared == null) {
            return mine;
        }
        try {
            TaskStatus s = shared.status();
            return mine.running() || s == TaskStatus.NONE && mine != TaskStatus.NONE ? mine : s;
        } catch (RuntimeException e) {
            return mine;
        }
    }
}
