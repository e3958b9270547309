package io.gptload.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;
    private static final Set<String> NO_LENGTH_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");
    private static final String USER_AGENT = "Java-http-client/" + System.getProperty("java.version");

    private final int connectTimeoutMillis;
    private final long idleNanos;
    private final int maxIdle;
    private final SSLSocketFactory tls;
    private final ScheduledExecutorService deadlines;
    private final Map<Http1Origin, Idle> idle = new ConcurrentHashMap<>();
    private final Set<Http1Connection> busy = ConcurrentHashMap.newKeySet();

    private static final class Idle {
        final ConcurrentLinkedDeque<Http1Connection> connections = new ConcurrentLinkedDeque<>();
        final AtomicInteger size = new AtomicInteger();

        Http1Connection poll() {
            Http1Connection c = connections.pollFirst();
            if (c != null) {
                size.decrementAndGet();
            }
            return c;
        }

        boolean remove(Http1Connection c) {
            if (connections.removeFirstOccurrence(c)) {
                size.decrementAndGet();
                return true;
            }
            return false;
        }
    }

    /**
     * A client with the profile's connect timeout and idle pool (its proxy is not for this client);
     * {@code deadlines} runs each request's deadline.
     */
    public Http1Client(ClientProfile profile, ScheduledExecutorService deadlines) {
        this(profile, deadlines, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    Http1Client(ClientProfile profile, ScheduledExecutorService deadlines, SSLSocketFactory tls) {
        this.connectTimeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, profile.connectTimeout().toMillis()));
        this.idleNanos = profile.idleTimeout().toNanos();
        this.maxIdle = profile.maxIdlePerHost();
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
        byte[] body = bodyOf(request);
        byte[] head = head(request, origin, body.length);
        long deadline = System.nanoTime() + request.timeout().orElse(NO_TIMEOUT).toNanos();
        boolean headRequest = "HEAD".equals(request.method());
        boolean resendable = IDEMPOTENT.contains(request.method())
                || request.headers().firstValue("Idempotency-Key").isPresent();
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
                    busy.remove(conn);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("upstream request cancelled");
                }
                if (watch.fired()) {
                    throw new HttpTimeoutException("request timed out");
                }
                if (reused && !answering[0] && !(e instanceof HttpTimeoutException)) {
                    dropIdleOlderThan(conn); // the upstream closed this one: those idle longer are as suspect
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
            return new Http1Body(conn, Http1Body.Framing.EMPTY, 0, reusable, this::release);
        }
        List<String> te = h.headers().allValues("Transfer-Encoding");
        if (!te.isEmpty()) {
            String last = te.getLast().toLowerCase(Locale.ROOT);
            boolean chunked = last.endsWith("chunked");
            return new Http1Body(conn, chunked ? Http1Body.Framing.CHUNKED : Http1Body.Framing.UNTIL_CLOSE, 0,
                    reusable, this::release);
        }
        List<String> lengths = h.headers().allValues("Content-Length");
        if (lengths.isEmpty()) {
            return new Http1Body(conn, Http1Body.Framing.UNTIL_CLOSE, 0, false, this::release);
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
        return new Http1Body(conn, Http1Body.Framing.LENGTH, length, reusable, this::release);
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

    private static byte[] head(HttpRequest request, Http1Origin origin, int bodyLength) {
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(512).append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        sb.append(" HTTP/1.1\r\nHost: ").append(origin.authority()).append("\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String v : values) {
                sb.append(name).append(": ").append(v).append("\r\n");
            }
        });
        if (request.headers().firstValue("User-Agent").isEmpty()) {
            sb.append("User-Agent: ").append(USER_AGENT).append("\r\n"); // what the JDK client sent before
        }
        if (bodyLength > 0 || !NO_LENGTH_METHODS.contains(request.method())) {
            sb.append("Content-Length: ").append(bodyLength).append("\r\n");
        }
        return Http1Connection.ascii(sb.append("\r\n").toString());
    }

    /** The request's body: the proxy always builds it from bytes it holds, so this never waits. */
    static byte[] bodyOf(HttpRequest request) throws IOException {
        if (request.bodyPublisher().isEmpty()) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                (int) Math.max(0, Math.min(1 << 20, request.bodyPublisher().get().contentLength())));
        Throwable[] failed = {null};
        boolean[] done = {false};
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable t) {
                failed[0] = t;
            }

            @Override
            public void onComplete() {
                done[0] = true;
            }
        });
        if (failed[0] != null) {
            throw new IOException("request body could not be read", failed[0]);
        }
        if (!done[0]) {
            throw new IOException("request body is not available at once");
        }
        return out.toByteArray();
    }

    /** The most recently used idle connection still fit for use, or a new one. */
    private Http1Connection acquire(Http1Origin origin, Watch watch) throws IOException {
        Idle pool = idle.get(origin);
        if (pool != null) {
            Http1Connection c;
            while ((c = pool.poll()) != null) {
                long idleFor = System.nanoTime() - c.idleSince();
                if (idleFor < Math.min(idleNanos, c.keepAliveNanos())
                        && (idleFor < CHECK_AFTER_IDLE_NANOS || c.stillOpen())) {
                    watch.target(c);
                    busy.add(c);
                    return c;
                }
                c.close();
            }
        }
        return open(origin, watch);
    }

    private Http1Connection open(Http1Origin origin, Watch watch) throws IOException {
        Http1Connection c = Http1Connection.open(origin, connectTimeoutMillis, tls, watch);
        busy.add(c);
        return c;
    }

    private void release(Http1Connection conn, boolean reusable) {
        if (!busy.remove(conn) || !reusable) {
            conn.close();
            return;
        }
        Idle pool = idle.computeIfAbsent(conn.origin, o -> new Idle());
        if (pool.size.incrementAndGet() > maxIdle) {
            pool.size.decrementAndGet();
            conn.close();
            return;
        }
        conn.idle();
        pool.connections.offerFirst(conn);
        Http1Connection oldest = pool.connections.peekLast();
        if (oldest != null && oldest != conn && expired(oldest) && pool.remove(oldest)) {
            oldest.close(); // the pool is last in, first out: the oldest idle connection is at the end
        }
    }

    private boolean expired(Http1Connection c) {
        return System.nanoTime() - c.idleSince() >= Math.min(idleNanos, c.keepAliveNanos());
    }

    /** Closes the origin's idle connections that have been idle at least as long as {@code stale} was. */
    private void dropIdleOlderThan(Http1Connection stale) {
        Idle pool = idle.get(stale.origin);
        if (pool == null) {
            return;
        }
        for (Http1Connection c : pool.connections) {
            if (c.idleSince() - stale.idleSince() <= 0 && pool.remove(c)) {
                c.close();
            }
        }
    }

    /** Closes idle connections past their time; the proxy calls it now and then. */
    public void sweep() {
        for (Idle pool : idle.values()) {
            for (Http1Connection c : pool.connections) {
                if (expired(c) && pool.remove(c)) {
                    c.close();
                }
            }
        }
    }

    /** Closes every connection, busy or idle; their readers fail at once. The client stays usable. */
    public void abortAll() {
        for (Http1Connection c : busy) {
            busy.remove(c);
            c.close();
        }
        for (Idle pool : idle.values()) {
            Http1Connection c;
            while ((c = pool.poll()) != null) {
                c.close();
            }
        }
    }

    /** Connections in use and idle, for tests. */
    int[] connections() {
        return new int[] {busy.size(), idle.values().stream().mapToInt(p -> p.size.get()).sum()};
    }
}
