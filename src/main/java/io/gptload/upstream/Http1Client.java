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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Timeouts: {@link HttpRequest#timeout()} bounds sending the request and the wait for the
 * response head ({@link HttpTimeoutException}, as the JDK client); the body is bounded by its reader, which
 * closes it (from any thread) to cancel. A request that fails on a reused connection before any
 * byte of an answer arrived is sent once more on a fresh connection: the upstream closed an idle
 * connection as the request went out.
 */
public final class Http1Client {

    private static final Duration NO_TIMEOUT = Duration.ofDays(1);
    private static final Set<String> NO_LENGTH_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");

    /** Bodies this large may not fit the socket buffers: their write is watched by the deadline too. */
    static final int WATCHED_BODY = 64 * 1024;

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
    }

    /**
     * A client with the profile's connect timeout and idle pool (its proxy is not for this client);
     * {@code deadlines} cuts the write of a large body that the upstream does not read in time.
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
        URI uri = request.uri();
        Http1Origin origin = Http1Origin.of(uri);
        byte[] body = bodyOf(request);
        byte[] head = head(request, origin, body.length);
        long deadline = System.nanoTime() + request.timeout().orElse(NO_TIMEOUT).toNanos();
        boolean headRequest = "HEAD".equals(request.method());
        for (int attempt = 0; ; attempt++) {
            Http1Connection conn = acquire(origin);
            boolean reused = conn.reused();
            boolean[] answering = {false};
            AtomicBoolean cut = new AtomicBoolean();
            ScheduledFuture<?> watch = body.length < WATCHED_BODY ? null : deadlines.schedule(() -> {
                cut.set(true);
                conn.close();
            }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try {
                conn.write(head, body);
                Http1Connection.Head h = conn.readHead(deadline, answering);
                if (watch != null && !watch.cancel(false)) {
                    throw new HttpTimeoutException("request timed out");
                }
                return new Http1Response(request, h.status(), h.headers(), body(conn, h, headRequest));
            } catch (IOException | RuntimeException e) {
                conn.close();
                busy.remove(conn);
                if (watch != null) {
                    watch.cancel(false);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("upstream request cancelled");
                }
                if (cut.get()) {
                    throw new HttpTimeoutException("request timed out");
                }
                if (reused && !answering[0] && attempt == 0 && !(e instanceof HttpTimeoutException)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private InputStream body(Http1Connection conn, Http1Connection.Head h, boolean headRequest) throws IOException {
        int status = h.status();
        boolean reusable = !h.closes();
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

    private Http1Connection acquire(Http1Origin origin) throws IOException {
        Idle pool = idle.get(origin);
        if (pool != null) {
            long oldest = System.nanoTime() - idleNanos;
            Http1Connection c;
            while ((c = pool.connections.pollFirst()) != null) {
                pool.size.decrementAndGet();
                if (c.idleSince() - oldest > 0) {
                    busy.add(c);
                    return c;
                }
                c.close();
            }
        }
        Http1Connection c = Http1Connection.open(origin, connectTimeoutMillis, tls);
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
        if (oldest != null && oldest != conn && System.nanoTime() - oldest.idleSince() > idleNanos
                && pool.connections.removeLastOccurrence(oldest)) {
            pool.size.decrementAndGet();
            oldest.close(); // the pool is last in, first out: the oldest idle connection is at the end
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
            while ((c = pool.connections.pollFirst()) != null) {
                pool.size.decrementAndGet();
                c.close();
            }
        }
    }

    /** Connections in use and idle, for tests. */
    int[] connections() {
        return new int[] {busy.size(), idle.values().stream().mapToInt(p -> p.size.get()).sum()};
    }
}
