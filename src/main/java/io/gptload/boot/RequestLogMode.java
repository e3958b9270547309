package io.gptload.boot;

import io.gptload.requestlog.RequestLogBuffer;
import io.gptload.settings.SettingsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * {@code request_log_write_interval_minutes = 0} means synchronous request logs (spec §1 row 31,
 * DECISIONS 18): applied to the buffer at start and on every settings change, on this node.
 */
@ApplicationScoped
public class RequestLogMode {

    private static final Logger LOG = Logger.getLogger(RequestLogMode.class.getName());

    @Inject
    private RequestLogBuffer buffer;

    void apply(@Observes SettingsChanged event) {
        boolean synchronous = event.settings().requestLogWriteIntervalMinutes() == 0;
        if (buffer.synchronous() != synchronous) {
            buffer.synchronous(synchronous);
            LOG.info(synchronous ? "request logs are written synchronously (request_log_write_interval_minutes=0)"
                    : "request logs are written in batches");
        }
    }
}
