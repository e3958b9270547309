package io.gptload.boot;

import io.gptload.keypool.KeyRevalidation;
import io.gptload.cluster.JobLease;
import io.gptload.shared.config.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Timer shim: re-validates invalid keys at start and then every
 * {@code KEY_VALIDATION_CHECK_INTERVAL_SECONDS} (spec §7). Not on a slave ({@code IS_SLAVE}).
 * A tick that is still running makes the next one a no-op.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN) // never a container transaction: the work commits its own
public class KeyValidationTimer {

    private static final Logger LOG = Logger.getLogger(KeyValidationTimer.class.getName());

    /** The job's name for its cluster lease ({@link JobLease}). */
    static final String JOB = "key-validation";

    private final AtomicBoolean running = new AtomicBoolean();
    @Resource
    private TimerService timers;
    @Inject
    private GatewayConfig config;
    @Inject
    private JobLease lease;
    @Inject
    private KeyRevalidation revalidation;

    @PostConstruct
    void schedule() {
        if (config.server().slave()) {
            LOG.info("IS_SLAVE: key re-validation runs on the master only");
            return;
        }
        timers.createIntervalTimer(0, config.jobs().keyValidationCheckInterval().toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        if (!lease.hold(JOB, leaseTime()) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            revalidation.runDue(LocalDateTime.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "key re-validation tick failed: {0}", e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }

    /** Two ticks and a margin: the holder renews it every tick; a dead holder's lease expires after that. */
    private java.time.Duration leaseTime() {
        return config.jobs().keyValidationCheckInterval().multipliedBy(2).plusSeconds(5);
    }
}
