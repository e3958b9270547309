package io.gptload.requestlog;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Timer shim: flushes the request-log buffer every 5 seconds (DECISIONS 18). Runs outside any
 * container transaction because the writer commits its own JDBC transactions.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // never a container transaction: the work commits its own
public class RequestLogFlushTimer {

    @Inject
    private RequestLogWriter writer;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        writer.flush();
    }
}
