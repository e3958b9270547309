package io.gptload.launcher;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (spec §1 row 57). The JVM would run every shutdown hook at once, Payara
 * Micro's among them, which undeploys the application under the streams still running. So the
 * signals are taken over: the first one asks the application to drain (its
 * {@code io.gptload:type=GracefulShutdown} MBean stops admitting {@code /proxy} requests, waits
 * for those in flight and flushes the request logs, all within
 * {@code SERVER_GRACEFUL_SHUTDOWN_TIMEOUT}) and only then exits, which runs the hooks; a second
 * signal exits at once. Before the application is deployed there is nothing to drain.
 */
final class GracefulShutdown {

    static final String MBEAN = "io.gptload:type=GracefulShutdown";

    private final MBeanServer server;
    private final IntConsumer exit;
    private final AtomicBoolean draining = new AtomicBoolean();

    GracefulShutdown(MBeanServer server, IntConsumer exit) {
        this.server = java.util.Objects.requireNonNull(server, "server");
        this.exit = java.util.Objects.requireNonNull(exit, "exit");
    }

    /** Takes over SIGTERM and SIGINT for this process; false when the JVM does not allow it. */
    static boolean install() {
        GracefulShutdown shutdown = new GracefulShutdown(ManagementFactory.getPlatformMBeanServer(), System::exit);
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                Signal.handle(new Signal(name), signal -> shutdown.onSignal(signal.getName()));
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            System.err.println("gpt-load: cannot handle shutdown signals (" + e.getMessage()
                    + "); a stop will not wait for running requests");
            return false;
        }
    }

    /** Runs on the JVM's signal thread: drains once, then exits with 0. */
    void onSignal(String signal) {
        if (!draining.compareAndSet(false, true)) {
            System.err.println("gpt-load: SIG" + signal + " again, exiting without waiting");
            exit.accept(0);
            return;
        }
        System.err.println("gpt-load: SIG" + signal + " received, finishing running requests before exiting");
        drain();
        exit.accept(0);
    }

    /** Asks the application to drain; true when it had nothing left running. */
    boolean drain() {
        try {
            Object done = server.invoke(new ObjectName(MBEAN), "drain", new Object[0], new String[0]);
            return Boolean.TRUE.equals(done);
        } catch (InstanceNotFoundException notDeployed) {
            return true;
        } catch (JMException | RuntimeException e) {
            System.err.println("gpt-load: draining failed: " + e);
            return false;
        }
    }
}
