package io.gptload.proxy;

import io.gptload.upstream.HeaderFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Relays an upstream answer to the client: status and headers, then the body bytes as they
 * arrive, flushed whenever the upstream has nothing more buffered, so a stream is never held
 * back. A client that goes away closes the upstream body at once (which cancels the upstream
 * request); a total-time deadline does the same.
 */
final class ResponseRelay {

    /** How the relay ended. {@code error} is null when the whole body was relayed. */
    record Result(boolean clientGone, String error) {
    }

    /**
     * What the relay reports: {@code onCommit} once the container asks for the body (or gives
     * up on it), open streams to {@code metrics}, and {@code onEnd} exactly once.
     */
    record Hooks(Runnable onCommit, ProxyMetrics metrics, Consumer<Result> onEnd) {
        Hooks {
            java.util.Objects.requireNonNull(onCommit, "onCommit");
            java.util.Objects.requireNonNull(metrics, "metrics");
            java.util.Objects.requireNonNull(onEnd, "onEnd");
        }
    }

    private static final int BUFFER = 8192;
    private static final int SMALL_CONTAINER_BUFFER = 512;

    private final HttpResponse<InputStream> upstream;
    private final boolean stream;
    private final ScheduledExecutorService deadlines;
    private final Duration totalTime;
    private final Hooks hooks;
    private final int readBuffer;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean timedOut;
    private volatile boolean started;

    ResponseRelay(HttpResponse<InputStream> upstream, boolean stream, ScheduledExecutorService deadlines,
                  Duration totalTime, Hooks hooks) {
        this.upstream = upstream;
        this.stream = stream;
        this.deadlines = deadlines;
        this.totalTime = totalTime;
        this.hooks = hooks;
        this.readBuffer = readBufferSize(upstream);
    }

    /** The status the client gets: the upstream's. */
    int status() {
        return upstream.statusCode();
    }

    /**
     * The headers the client gets: the upstream's end-to-end headers; for a stream no
     * Content-Length, and for a successful stream the SSE headers forced (spec §2.7).
     */
    Map<String, List<String>> headers() {
        int status = upstream.statusCode();
        boolean sse = stream && status >= 200 && status < 300;
        Map<String, List<String>> out = new LinkedHashMap<>();
        upstream.headers().map().forEach((name, values) -> {
            if (HeaderFilter.forwardDownstream(name) && !(sse && isForcedSse(name))
                    && !(stream && "content-length".equalsIgnoreCase(name))) {
                out.put(name, values);
            }
        });
        if (sse) {
            out.put("Content-Type", List.of("text/event-stream"));
            out.put("Cache-Control", List.of("no-cache"));
            out.put("X-Accel-Buffering", List.of("no"));
        }
        return out;
    }

    private static boolean isForcedSse(String name) {
        return name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("cache-control")
                || name.equalsIgnoreCase("x-accel-buffering") || name.equalsIgnoreCase("content-length");
    }

    /** Writes the body to the client as it arrives; returns when it ends, however it ends. */
    void write(OutputStream out) throws IOException {
        started = true;
        hooks.onCommit().run();
        if (stream) {
            hooks.metrics().streamOpened();
        }
        try {
            relay(out);
        } finally {
            if (stream) {
                hooks.metrics().streamClosed();
            }
        }
    }

    private void relay(OutputStream out) throws IOException {
        InputStream in = upstream.body();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut = true;
            closeQuietly(in);
        }, totalTime.toMillis(), TimeUnit.MILLISECONDS);
        byte[] buf = new byte[readBuffer];
        try (in) {
            if (stream) {
                // status and headers go out now: a client sees the stream open at once, and
                // RESTEasy (OpenLiberty) holds the first chunk back unless the headers were flushed first
                try {
                    out.flush();
                } catch (IOException clientGone) {
                    end(new Result(true, "client closed the connection"));
                    return;
                }
            }
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException e) {
                    end(new Result(false, timedOut ? "upstream total time exceeded" : "upstream stream broken: "
                            + e.getClass().getSimpleName()));
                    throw new IOException("upstream body ended early");
                }
                if (n < 0) {
                    break;
                }
                try {
                    out.write(buf, 0, n);
                    if (in.available() == 0) {
                        out.flush();
                    }
                } catch (IOException clientGone) {
                    end(new Result(true, "client closed the connection"));
                    return;
                }
            }
            try {
                out.flush();
            } catch (IOException clientGone) {
                end(new Result(true, "client closed the connection"));
                return;
            }
            end(new Result(false, null));
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The output buffer the container needs for this body. A stream is flushed event by event and
     * Grizzly takes a fresh buffer after every flush, so a small one (events longer than it are
     * written from the relay's buffer without a copy); a short body of known length fits exactly.
     */
    int containerBufferSize() {
        return stream ? SMALL_CONTAINER_BUFFER : readBuffer;
    }

    /**
     * A body of known length under {@link #BUFFER} (most JSON answers) gets a buffer of its size,
     * at least 512 bytes (a length the upstream's chunked framing overrides may say anything).
     */
    private static int readBufferSize(HttpResponse<InputStream> upstream) {
        try {
            long declared = upstream.headers().firstValueAsLong("content-length").orElse(-1);
            return declared >= 0 && declared < BUFFER ? (int) Math.max(SMALL_CONTAINER_BUFFER, declared) : BUFFER;
        } catch (NumberFormatException unusable) {
            return BUFFER;
        }
    }

    private void end(Result r) {
        if (ended.compareAndSet(false, true)) {
            hooks.onEnd().accept(r);
        }
    }

    /**
     * Called after the response was handed to the container (which writes it in the calling
     * thread): when the body was never asked for (HEAD, or the client vanished first), the
     * upstream body is closed and the request logged.
     */
    void abandonIfUnwritten() {
        if (!ended.get() && !started) {
            hooks.onCommit().run();
            closeQuietly(upstream.body());
            end(new Result(false, null));
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
