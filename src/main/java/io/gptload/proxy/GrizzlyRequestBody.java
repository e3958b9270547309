package io.gptload.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;

/**
 * A request body read from Grizzly without its blocking read. Grizzly blocks a reader waiting
 * for more of the body in a selector of its own, which holds a virtual thread's carrier for as
 * long as the client takes; here the reader waits for Grizzly's "data available" notice instead,
 * which parks a virtual thread like any lock. What has arrived is read at once; a body that
 * stops arriving for {@code patience} ends with an {@link IOException}.
 */
final class GrizzlyRequestBody extends InputStream {

    private final NIOInputStream in;
    private final long patienceNanos;

    GrizzlyRequestBody(NIOInputStream in, Duration patience) {
        this.in = in;
        this.patienceNanos = patience.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int ready = in.readyData();
            if (ready > 0) {
                return in.read(b, off, Math.min(len, ready));
            }
            if (in.isFinished()) {
                return -1;
            }
            awaitMore();
        }
    }

    @Override
    public int available() {
        return Math.max(0, in.readyData());
    }

    private void awaitMore() throws IOException {
        CompletableFuture<Void> more = new CompletableFuture<>();
        in.notifyAvailable(new ReadHandler() {
            @Override
            public void onDataAvailable() {
                more.complete(null);
            }

            @Override
            public void onAllDataRead() {
                more.complete(null);
            }

            @Override
            public void onError(Throwable t) {
                more.completeExceptionally(t);
            }
        });
        try {
            more.get(patienceNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the request body stopped arriving for "
                    + TimeUnit.NANOSECONDS.toSeconds(patienceNanos) + " s");
        } catch (ExecutionException e) {
            throw new IOException("the request body could not be read: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the request body arrived");
        }
    }
}
