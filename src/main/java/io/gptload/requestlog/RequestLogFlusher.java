package io.gptload.requestlog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request log's writer thread (DECISIONS 18): one container thread, made at start, flushes the
 * buffer when a full batch of 200 is waiting and at least every 5 seconds. Before, a full batch
 * fired an asynchronous CDI event, and the container captured its context for every one of them
 * (a class-loader resource scan among it: ~1.7 % of the gateway's CPU under load). Not interrupted
 * at shutdown (an interrupt would close H2's file channel): woken, and waited for; the writer's
 * own {@code @PreDestroy} writes what is left.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN) // never a container transaction: the writer commits its own
public class RequestLogFlusher {

    static final long INTERVAL_SECONDS = 5;
    private static final long STOP_WAIT_MS = 30_000;
    private static final Logger LOG = Logger.getLogger(RequestLogFlusher.class.getName());

    @Resource
    private ManagedThreadFactory threads;
    @Inject
    private RequestLogBuffer buffer;
    @Inject
    private RequestLogWriter writer;

    private volatile boolean running;
    private Thread thread;

    @PostConstruct
    void start() {
        running = true;
        thread = threads.newThread(this::run); // a container thread: the application's naming context
        thread.setName("gpt-load-request-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                buffer.awaitFullBatch(INTERVAL_SECONDS, TimeUnit.SECONDS);
                if (running) {
                    writer.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the writer keeps failed batches; the next round tries again
                LOG.log(Level.WARNING, "Request-log flush failed: {0}", e.getClass().getName());
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        buffer.wakeWriter();
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
