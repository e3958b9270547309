package io.gptload.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The data plane's part of a graceful shutdown (spec §1 row 57): stop admitting {@code /proxy}
 * requests (new ones get 503 in the caller's format), let those in flight finish, streams
 * included, and cut what is still running when the budget is spent by closing the upstream
 * connections, so their request-log rows are still recorded.
 */
@ApplicationScoped
public class ProxyShutdown {

    private static final Logger LOG = Logger.getLogger(ProxyShutdown.class.getName());

    /** How long cut requests get to record their outcome. */
    static final Duration AFTER_CUT = Duration.ofSeconds(2);

    private ProxyEngine engine;

    protected ProxyShutdown() {
        // for CDI proxies
    }

    @Inject
    public ProxyShutdown(ProxyEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Drains within {@code budget}; true when every request finished by itself. Idempotent: a
     * second call waits again for whatever is still running.
     */
    public boolean drain(Duration budget) {
        return drain(engine.limiter(), budget, () -> engine.clients().abortAll());
    }

    static boolean drain(ConcurrencyLimiter limiter, Duration budget, Runnable cut) {
        Objects.requireNonNull(budget, "budget");
        limiter.close();
        LOG.info("shutting down: no new proxy requests; waiting up to " + budget.toSeconds() + " s for "
                + limiter.inFlight() + " running");
        try {
            if (limiter.awaitIdle(budget)) {
                LOG.info("shutting down: all proxy requests finished");
                return true;
            }
            LOG.warning("shutting down: cutting " + limiter.inFlight() + " proxy requests still running");
            cut.run();
            limiter.awaitIdle(AFTER_CUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
