package io.gptload.upstream;

import java.io.Closeable;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The deadline of one upstream exchange up to its response head (connect, TLS handshake, request
 * write, wait for the head): when it fires it closes the channel the exchange uses, which fails
 * whatever blocks on it at once. Run by the proxy's deadline scheduler.
 */
final class Watch implements Runnable {

    private volatile Closeable target;
    private volatile boolean fired;

    /** The channel to close at the deadline; closed at once when the deadline already passed. */
    void target(Closeable channel) throws IOException {
        target = channel;
        if (fired) {
            closeQuietly(channel);
            throw new HttpTimeoutException("request timed out");
        }
    }

    @Override
    public void run() {
        fired = true;
        Closeable c = target;
        if (c != null) {
            closeQuietly(c);
        }
    }

    boolean fired() {
        return fired;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
