package io.gptload.requestlog;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Timer shim: flushes the request-log buffer every 5 seconds (DECISIONS 18). Runs outside any
 * container transaction because the writer commits its own JDBC transactions.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RequestLogFlushTimer {

    @Inject
    private RequestLogWriter writer;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        writer.flush();
    }
}
