package io.gptload.proxy;

import io.gptload.shared.http.SecurityHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;

/**
 * Stands where the server's handler (Payara's container mapper) stood on a listener: requests for
 * {@code /proxy} and below (by the raw path) go to the proxy's handler, every other one to the
 * server's handler as before. The request's path decoding follows the server's handler settings.
 * <p>
 * Where the listener runs its filter chain on the selector thread, this router also picks the
 * thread each request is served on: a proxied request goes straight to one of the relay's
 * virtual threads, every other request to the listener's worker pool, as the server's handler
 * would have sent it. A request found on the connection by a relay thread that just finished the
 * one before it (HTTP pipelining) is handed on the same way, not served inside the finished one.
 * <p>
 * A path the server cannot decode (a {@code %} not followed by two hex digits, escapes that are
 * not UTF-8) is answered here with 400 and a JSON error: the server's handler logged a stack trace
 * at SEVERE for each one and answered an empty 200. The proxy's handler answers such paths itself.
 */
final class GrizzlyProxyRouter extends HttpHandler {

    private static final ThreadLocal<Boolean> ON_WORKER = new ThreadLocal<>();
    private static final byte[] MALFORMED_PATH =
            "{\"code\":\"BAD_REQUEST\",\"message\":\"Malformed percent-encoding in the request path\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpHandler server;
    private final HttpHandler proxy;
    private final String prefix;
    private final RequestExecutorProvider threads;

    /**
     * {@code proxyThreads}: the relay's virtual threads; {@code workers}: the listener's worker
     * pool, where the server's handler would have sent a request from the selector.
     */
    GrizzlyProxyRouter(HttpHandler server, HttpHandler proxy, String prefix, Executor proxyThreads, Executor workers) {
        super("gpt-load-proxy-router");
        this.server = server;
        this.proxy = proxy;
        this.prefix = prefix;
        setAllowEncodedSlash(server.isAllowEncodedSlash());
        setAllowCustomStatusMessage(server.isAllowCustomStatusMessage());
        setRequestURIEncoding(server.getRequestURIEncoding());
        // the worker threads this router handed a request to, known by a mark of its own: Grizzly's
        // service-thread flag was once seen cleared on a selector thread (every request then ran
        // on the selector, and a proxied one hung), so it is not what decides
        Executor markedWorkers = task -> workers.execute(() -> {
            ON_WORKER.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                ON_WORKER.remove();
            }
        });
        Executor proxyOrWorkers = task -> {
            try {
                proxyThreads.execute(task);
            } catch (RejectedExecutionException closed) {
                markedWorkers.execute(task); // the relay is shut down (the application stopping): the gate answers
            }
        };
        this.threads = request -> {
            if (ON_WORKER.get() != null) {
                return null; // a worker thread this router handed the connection to, which may block: serve here
            }
            // the selector, a relay thread that finished a request and found the next one on the
            // connection (pipelined), or a TLS listener's worker: hand it on, so that nothing blocks
            // the selector and a finished request unwinds
            return isProxyPath(request.getRequestURI(), prefix) ? proxyOrWorkers : markedWorkers;
        };
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return threads;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (isProxyPath(request.getRequestURI(), prefix)) {
            proxy.service(request, response);
        } else if (decodable(request)) {
            server.service(request, response);
        } else {
            response.setStatus(400);
            SecurityHeaders.ALL.forEach(response::setHeader);
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            response.setContentLength(MALFORMED_PATH.length);
            response.getOutputStream().write(MALFORMED_PATH);
        }
    }

    private boolean decodable(Request request) {
        String encoding = getRequestURIEncoding() == null ? "UTF-8" : getRequestURIEncoding().name();
        return decodable(request.getRequestURI(), encoding);
    }

    /**
     * Whether {@code rawPath} (its bytes as ISO-8859-1 characters, as the listener reads them)
     * decodes: every escape well formed and, when paths are UTF-8, the bytes UTF-8. Checked here
     * rather than by decoding with Grizzly, which keeps its result: the server's own decoding
     * (encoded slashes refused or kept) stays what it was.
     */
    static boolean decodable(String rawPath, String encoding) {
        if (rawPath == null || !wellFormedEscapes(rawPath)) {
            return false;
        }
        if (!"UTF-8".equalsIgnoreCase(encoding)) {
            return true;
        }
        byte[] bytes = new byte[rawPath.length()];
        int n = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) Integer.parseInt(rawPath, i + 1, i + 3, 16);
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether every {@code %} in {@code rawPath} is followed by two hex digits. */
    static boolean wellFormedEscapes(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 3)) {
            if (i + 2 >= rawPath.length() || !hexDigit(rawPath.charAt(i + 1)) || !hexDigit(rawPath.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether {@code rawPath} is {@code prefix} itself or below it. */
    static boolean isProxyPath(String rawPath, String prefix) {
        return rawPath != null && rawPath.startsWith(prefix)
                && (rawPath.length() == prefix.length() || rawPath.charAt(prefix.length()) == '/');
    }

    @Override
    public void start() {
        server.start();
    }

    @Override
    public void destroy() {
        server.destroy();
    }
}
