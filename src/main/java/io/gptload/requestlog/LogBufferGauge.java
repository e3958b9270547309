package io.gptload.requestlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Objects;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes {@code gptload_request_log_buffer_depth} (attempts waiting to be written) at start-up.
 * It lives here rather than beside the proxy's metrics because the proxy may not see this package.
 */
@ApplicationScoped
public class LogBufferGauge {

    static final String NAME = "gptload_request_log_buffer_depth";

    protected LogBufferGauge() {
        // for CDI proxies
    }

    @Inject
    public LogBufferGauge(@RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
                          RequestLogBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.requireNonNull(registry, "registry").gauge(Metadata.builder().withName(NAME)
                .withDescription("Request-log entries waiting to be written").build(), buffer::depth);
    }

    /** Creates the bean at start-up, so the gauge exists before the first scrape. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // constructing the bean did the work
    }
}
