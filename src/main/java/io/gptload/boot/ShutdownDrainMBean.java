package io.gptload.boot;

/** The management interface the launcher calls on SIGTERM ({@code io.gptload:type=GracefulShutdown}). */
public interface ShutdownDrainMBean {

    /** Drains the data plane and flushes the request logs; true when nothing had to be cut. */
    boolean drain();
}
