package io.gptload.proxy;

import java.io.IOException;
import java.util.Locale;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops the container's stack traces for a client that went away mid-response (connection
 * closed, broken pipe, reset): the gateway already handles and logs that case as a 499.
 * Everything else passes.
 */
final class ClientAbortLogFilter implements Filter {

    /** Jersey's responder logs at SEVERE when it cannot commit a response to a vanished client. */
    static final String JERSEY_RESPONDER = "org.glassfish.jersey.server.ServerRuntime$Responder";

    /** Held so the filtered logger is not collected (loggers are weakly referenced). */
    private static final Logger RESPONDER_LOG = Logger.getLogger(JERSEY_RESPONDER);

    private final Filter previous;

    private ClientAbortLogFilter(Filter previous) {
        this.previous = previous;
    }

    /** Installs the filter on Jersey's responder logger and returns that logger (keep a reference). */
    static Logger install() {
        Logger logger = RESPONDER_LOG;
        if (!(logger.getFilter() instanceof ClientAbortLogFilter)) {
            logger.setFilter(new ClientAbortLogFilter(logger.getFilter()));
        }
        return logger;
    }

    @Override
    public boolean isLoggable(LogRecord r) {
        if (isClientAbort(r.getThrown())) {
            return false;
        }
        return previous == null || previous.isLoggable(r);
    }

    static boolean isClientAbort(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null) {
                String m = c.getMessage().toLowerCase(Locale.ROOT);
                if (m.contains("connection is closed") || m.contains("broken pipe")
                        || m.contains("connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }
}
