package io.gptload.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The upstream provider the tests control. Behaviour is chosen per real key (the key the
 * gateway injected: Bearer, {@code x-api-key} or {@code ?key=}); every request is recorded.
 * Unknown keys get a small OpenAI-shaped chat completion.
 */
public final class FakeUpstream implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    /** What the upstream does for one request. */
    @FunctionalInterface
    public interface Behavior {
        void handle(HttpExchange ex, Recorded req) throws Exception;
    }

    /**
     * One request as the upstream received it; {@code target} is the request line's target as
     * sent (absolute-form when the sender took this server for an HTTP proxy).
     */
    public record Recorded(String method, String path, String rawQuery, Headers headers, byte[] body, String key,
                           String target) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Behavior> byKey = new ConcurrentHashMap<>();
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    /** Streams whose client (the gateway) went away before the upstream finished. */
    public final AtomicInteger abortedStreams = new AtomicInteger();

    private FakeUpstream(HttpServer server) {
        this.server = server;
    }

    public static FakeUpstream start() {
        try {
            return serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same fake behind TLS with the given server context (its certificate must name 127.0.0.1). */
    public static FakeUpstream startTls(javax.net.ssl.SSLContext tls) {
        try {
            com.sun.net.httpserver.HttpsServer s = com.sun.net.httpserver.HttpsServer.create(
                    new InetSocketAddress("127.0.0.1", 0), 200);
            s.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            return serve(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeUpstream serve(HttpServer s) {
        FakeUpstream up = new FakeUpstream(s);
        s.createContext("/", up::dispatch);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        return up;
    }

    public String baseUrl() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets what requests carrying this real key get. */
    public FakeUpstream on(String key, Behavior b) {
        Secrets.remember(key);
        byKey.put(key, b);
        return this;
    }

    /** Requests received with the given real key, in arrival order. */
    public List<Recorded> requests(String key) {
        return recorded.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Every request received, in arrival order (with or without a key). */
    public List<Recorded> all() {
        return List.copyOf(recorded);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests whose key starts with the prefix. */
    public List<Recorded> requestsWithKeyPrefix(String prefix) {
        return recorded.stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        boolean reset = false;
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body, keyOf(ex),
                    ex.getRequestURI().toString());
            recorded.add(r);
            Behavior b = r.key() == null ? null : byKey.get(r.key());
            (b == null ? json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}") : b)
                    .handle(ex, r);
        } catch (IOException e) {
            abortedStreams.incrementAndGet();
        } catch (RuntimeException e) {
            reset = true;
            throw e; // not closing the exchange: the server drops the connection mid-response
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            if (!reset) {
                ex.close();
            }
        }
    }

    private static String keyOf(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring(7);
        }
        String x = ex.getRequestHeaders().getFirst("x-api-key");
        if (x != null) {
            return x;
        }
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String p : q.split("&")) {
                if (p.startsWith("key=")) {
                    return URLDecoder.decode(p.substring(4), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    // ---- behaviours ----

    public static Behavior json(int status, String body) {
        return (ex, r) -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** JSON as a real provider sends it: gzip-compressed when the request accepts gzip, plain otherwise. */
    public static Behavior gzipJson(int status, String body) {
        return (ex, r) -> {
            String accept = r.header("Accept-Encoding");
            if (accept == null || !accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                json(status, body).handle(ex, r);
                return;
            }
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(buf)) {
                gz.write(body.getBytes(StandardCharsets.UTF_8));
            }
            byte[] b = buf.toByteArray();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** Server-sent events, one every {@code delayMs}, each flushed. */
    public static Behavior sse(List<String> events, long delayMs) {
        return (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String e : events) {
                out.write(("data: " + e + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(delayMs);
            }
        };
    }

    /** Named server-sent events ({@code event:} then {@code data:}), each flushed, 10 ms apart. */
    public static Behavior namedSse(List<String[]> events) {
        return (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String[] e : events) {
                out.write(("event: " + e[0] + "\ndata: " + e[1] + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(10);
            }
        };
    }

    /**
     * Chooses the behaviour by the request's raw path; a path not in {@code routes} gets 404 with
     * an OpenAI-shaped error body.
     */
    public static Behavior byPath(Map<String, Behavior> routes) {
        Map<String, Behavior> copy = Map.copyOf(routes);
        Behavior notFound = json(404, "{\"error\":{\"message\":\"Unknown path\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"unknown_url\"}}");
        return (ex, r) -> copy.getOrDefault(r.path(), notFound).handle(ex, r);
    }

    /**
     * An event stream that stays open: one event at once, then nothing until {@code release}
     * opens (at most a minute), then {@code [DONE]}.
     */
    public static Behavior sseUntil(java.util.concurrent.CountDownLatch release) {
        return (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write("data: {\"i\":0}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    /**
     * Sends {@code events} as a stream, then drops the connection without ending the chunked
     * body: what a reset mid-stream looks like to the gateway.
     */
    public static Behavior sseThenReset(List<String> events, long delayMs) {
        return (ex, r) -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (String e : events) {
                out.write(("data: " + e + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(delayMs);
            }
            throw new IllegalStateException("simulated reset");
        };
    }

    /** Answers {@code status} with a {@code Location} computed from the request (and a small body). */
    public static Behavior redirect(int status, java.util.function.Function<Recorded, String> location) {
        return (ex, r) -> {
            byte[] b = "moved".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Location", location.apply(r));
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
        };
    }

    /** Accepts the request and never answers. */
    public static Behavior hang() {
        return (ex, r) -> Thread.sleep(600_000);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
