package io.gptload.boot;

import io.gptload.requestlog.RequestLogRetention;
import io.gptload.settings.SettingsService;
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
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Timer shim: at start and then every {@code LOG_CLEANUP_INTERVAL_SECONDS}, deletes request logs
 * older than {@code request_log_retention_days} (0 = keep forever), read afresh on each run.
 * Not on a slave ({@code IS_SLAVE}).
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN) // never a container transaction: the work commits its own
public class LogRetentionTimer {

    private static final Logger LOG = Logger.getLogger(LogRetentionTimer.class.getName());

    /** The job's name for its cluster lease ({@link JobLease}). */
    static final String JOB = "log-retention";

    private final AtomicBoolean running = new AtomicBoolean();
    @Resource
    private TimerService timers;
    @Inject
    private GatewayConfig config;
    @Inject
    private JobLease lease;
    @Inject
    private SettingsService settings;
    @Inject
    private RequestLogRetention retention;

    @PostConstruct
    void schedule() {
        if (config.server().slave()) {
            LOG.info("IS_SLAVE: request-log retention runs on the master only");
            return;
        }
        timers.createIntervalTimer(0, config.jobs().logCleanupInterval().toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void tick() {
        int days = settings.current().requestLogRetentionDays();
        if (days <= 0 || !lease.hold(JOB, leaseTime()) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            long deleted = retention.purgeOlderThan(LocalDateTime.now().minusDays(days));
            if (deleted > 0) {
                LOG.info("request-log retention: " + deleted + " logs older than " + days + " days deleted");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "request-log retention failed: {0}",
                    e instanceof SQLException s ? "SQLState " + s.getSQLState() : e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }

    /** Two ticks and a margin: the holder renews it every tick; a dead holder's lease expires after that. */
    private java.time.Duration leaseTime() {
        return config.jobs().logCleanupInterval().multipliedBy(2).plusSeconds(5);
    }
}
