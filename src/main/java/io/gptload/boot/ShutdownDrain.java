package io.gptload.boot;

import io.gptload.proxy.ProxyShutdown;
import io.gptload.requestlog.RequestLogWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One graceful shutdown (spec §1 row 57) before the container stops: the proxy drains for the
 * budget minus {@link #RESERVE} (gpt-load drains its HTTP server for the total minus 5 s), then
 * the request logs are flushed, so the rows of the requests that just finished are stored even if
 * the container's own stop is cut short. The container's undeploy then closes the pools. First of
 * all, the node gives its cluster job leases back.
 */
public final class ShutdownDrain implements ShutdownDrainMBean {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());

    /** Kept from the budget for flushing and stopping the container. */
    static final Duration RESERVE = Duration.ofSeconds(5);

    private final ProxyShutdown proxy;
    private final RequestLogWriter requestLogs;
    private final Duration budget;
    private final Runnable handOverJobs;

    ShutdownDrain(ProxyShutdown proxy, RequestLogWriter requestLogs, Duration total, Runnable handOverJobs) {
        this.handOverJobs = Objects.requireNonNull(handOverJobs, "handOverJobs");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.requestLogs = Objects.requireNonNull(requestLogs, "requestLogs");
        this.budget = drainBudget(Objects.requireNonNull(total, "total"));
    }

    /** What is left for the requests in flight out of the whole shutdown budget (at least 1 s). */
    static Duration drainBudget(Duration total) {
        Duration d = total.minus(RESERVE);
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d;
    }

    Duration budget() {
        return budget;
    }

    @Override
    public boolean drain() {
        handOverJobs.run(); // another node takes the background jobs at its next tick
        boolean clean = proxy.drain(budget);
        int stored = 0;
        for (int n; (n = requestLogs.flush()) > 0; ) {
            stored += n;
        }
        LOG.info("shutting down: " + stored + " request-log entries flushed");
        return clean;
    }
}
