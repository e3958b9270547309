package io.gptload.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;

/**
 * The proxy's upstream client for direct connections: HTTP/1.1 with blocking I/O on the caller's
 * virtual thread and a keep-alive pool per origin. It answers in {@link HttpResponse} shape, so
 * the rest of the proxy does not care which client sent a request.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on one core it spends 76–99 µs of CPU per
 * exchange, much of it on its selector thread and completion hand-offs; this client 34–36 µs, and
 * a proxied request 11–14 % less in all (bench/results/2026-12-06-http1-client.md). The JDK
 * client stays for proxied profiles and for key validation.
 *
 * <p>Timeouts: {@link HttpRequest#timeout()} bounds everything up to the response head (connect,
 * TLS handshake, sending the request, waiting) by closing the connection when it passes
 * ({@link HttpTimeoutException}, as the JDK client); the connect alone is also bounded by the
 * profile's connect timeout. The body is bounded by its reader, which closes it (from any thread)
 * to cancel.
 *
 * <p>Stale connections: an idle connection is checked before reuse when it sat idle for a second
 * or more (the upstream may have closed it), and kept no longer than {@code idle_conn_timeout} or
 * what the upstream announced ({@code Keep-Alive: timeout=}). A request that fails on a reused
 * connection before any byte of an answer arrived is sent once more on a new connection only when
 * resending cannot run it twice: GET, HEAD, OPTIONS, PUT, DELETE, or a request with an
 * {@code Idempotency-Key} (as the JDK client and Go's do).
 */
public final class Http1Client {

    private static final Duration NO_TIMEOUT = Duration.ofDays(1);

    private final int connectTimeoutMillis;
    private final SSLSocketFactory tls;
    private final ScheduledExecutorService deadlines;
    private final Http1Pool pool;

    /**
     * A client with the profile's connect timeout and idle pool (its proxy is not for this client);
     * {@code deadlines} runs each request's deadline.
     */
    public Http1Client(ClientProfile profile, ScheduledExecutorService deadlines) {
        this(profile, deadlines, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    Http1Client(ClientProfile profile, ScheduledExecutorService deadlines, SSLSocketFactory tls) {
        this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, profile.connectTimeout().toMillis()));
        this.pool = new Http1Pool(profile.idleTimeout().toNanos(), profile.maxIdlePerHost());
        this.deadlines = deadlines;
        this.tls = tls;
    }

    /** Sends {@code request} and returns once the response head arrived; the body streams. */
    public HttpResponse<InputStream> send(HttpRequest request) throws IOException, InterruptedException {
        Http1Origin origin;
        try {
            origin = Http1Origin.of(request.uri());
        } catch (IllegalArgumentException e) {
            throw new IOException("unusable upstream URL");
        }
        byte[] body = Http1Request.bodyOf(request);
        byte[] head = Http1Request.head(request, origin, body.length);
        long deadline = System.nanoTime() + request.timeout().orElse(NO_TIMEOUT).toNanos();
        boolean headRequest = "HEAD".equals(request.method());
        boolean resendable = Http1Request.resendable(request);
        for (int attempt = 0; ; attempt++) {
            Watch watch = new Watch();
            ScheduledFuture<?> timer;
            try {
                timer = deadlines.schedule(watch, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                throw new IOException("upstream client is shut down");
            }
            Http1Connection conn = null;
            boolean reused = false;
            boolean[] answering = {false};
            try {
                conn = attempt == 0 ? acquire(origin, watch) : open(origin, watch);
                reused = conn.reused();
                conn.write(head, body);
                Http1Connection.Head h = conn.readHead(answering);
                if (!timer.cancel(false)) {
                    throw new HttpTimeoutException("request timed out");
                }
                return new Http1Response(request, h.status(), h.headers(), body(conn, h, headRequest));
            } catch (IOException | RuntimeException e) {
                timer.cancel(false);
                if (conn != null) {
                    conn.close();
                    pool.failed(conn);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("upstream request cancelled");
                }
                if (watch.fired()) {
                    throw new HttpTimeoutException("request timed out");
                }
                if (reused && !answering[0] && !(e instanceof HttpTimeoutException)) {
                    pool.dropIdleOlderThan(conn); // the upstream closed this one: those idle longer are as suspect
                    if (attempt == 0 && resendable) {
                        continue;
                    }
                }
                throw e instanceof IOException io ? io
                        : new IOException("upstream exchange failed: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    private InputStream body(Http1Connection conn, Http1Connection.Head h, boolean headRequest) throws IOException {
        int status = h.status();
        boolean reusable = !h.closes();
        if (reusable) {
            keepAliveHint(conn, h);
        }
        if (headRequest || status == 204 || status == 304) {
            return new Http1Body(conn, Http1Body.Framing.EMPTY, 0, reusable, pool::release);
        }
        List<String> te = h.headers().allValues("Transfer-Encoding");
        if (!te.isEmpty()) {
            String last = te.getLast().toLowerCase(Locale.ROOT);
            boolean chunked = last.endsWith("chunked");
            return new Http1Body(conn, chunked ? Http1Body.Framing.CHUNKED : Http1Body.Framing.UNTIL_CLOSE, 0,
                    reusable, pool::release);
        }
        List<String> lengths = h.headers().allValues("Content-Length");
        if (lengths.isEmpty()) {
            return new Http1Body(conn, Http1Body.Framing.UNTIL_CLOSE, 0, false, pool::release);
        }
        long length = -1;
        for (String v : lengths) {
            for (String part : v.split(",")) {
                long n;
                try {
                    n = Long.parseLong(part.strip());
                } catch (NumberFormatException e) {
                    throw new IOException("malformed upstream Content-Length");
                }
                if (n < 0 || (length >= 0 && n != length)) {
                    throw new IOException("malformed upstream Content-Length");
                }
                length = n;
            }
        }
        return new Http1Body(conn, Http1Body.Framing.LENGTH, length, reusable, pool::release);
    }

    /** {@code Keep-Alive: timeout=N}: the upstream closes idle connections after N seconds. */
    private static void keepAliveHint(Http1Connection conn, Http1Connection.Head h) {
        for (String v : h.headers().allValues("Keep-Alive")) {
            for (String part : v.split(",")) {
                String p = part.strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("timeout=")) {
                    try {
                        conn.keepAliveSeconds(Long.parseLong(p.substring(8).strip()));
                    } catch (NumberFormatException ignored) {
                        // an unreadable hint is no hint
                    }
                }
            }
        }
    }
    /** The most recently used idle connection still fit for use, or a new one. */
    private Http1Connection acquire(Http1Origin origin, Watch watch) throws IOException {
        Http1Connection c = pool.takeIdle(origin, watch);
        return c != null ? c : open(origin, watch);
    }

    private Http1Connection open(Http1Origin origin, Watch watch) throws IOException {
        Http1Connection c = Http1Connection.open(origin, connectTimeoutMillis, tls, watch);
        pool.opened(c);
        return c;
    }

    /** Closes idle connections past their time; the proxy calls it now and then. */
    public void sweep() {
        pool.sweep();
    }

    /** Closes every connection, busy or idle; their readers fail at once. The client stays usable. */
    public void abortAll() {
        pool.abortAll();
    }

    /** Connections in use and idle, for tests. */
    int[] connections() {
        return pool.connections();
    }
}
