package io.gptload.boot;

import io.gptload.requestlog.RequestLogRetention;
import io.gptload.settings.SettingsService;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LogRetentionTimer {

    private static final Logger LOG = Logger.getLogger(LogRetentionTimer.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();
    @Resource
    private TimerService timers;
    @Inject
    private GatewayConfig config;
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
        if (days <= 0 || !running.compareAndSet(false, true)) {
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
}
