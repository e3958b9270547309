package io.gptload.proxy;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.Threads;

/**
 * Stands where the server's handler (Payara's container mapper) stood on a listener: requests for
 * {@code /proxy} and below (by the raw path) go to the proxy's handler, every other one to the
 * server's handler as before. The request's path decoding follows the server's handler settings.
 * <p>
 * Where the listener runs its filter chain on the selector thread, this router also picks the
 * thread each request is served on: a proxied request goes straight to one of the relay's
 * virtual threads, every other request to the listener's worker pool, as the server's handler
 * would have sent it.
 */
final class GrizzlyProxyRouter extends HttpHandler {

    private final HttpHandler server;
    private final HttpHandler proxy;
    private final String prefix;
    private final RequestExecutorProvider threads;

    GrizzlyProxyRouter(HttpHandler server, HttpHandler proxy, String prefix, Executor proxyThreads) {
        super("gpt-load-proxy-router");
        this.server = server;
        this.proxy = proxy;
        this.prefix = prefix;
        setAllowEncodedSlash(server.isAllowEncodedSlash());
        setAllowCustomStatusMessage(server.isAllowCustomStatusMessage());
        setRequestURIEncoding(server.getRequestURIEncoding());
        RequestExecutorProvider serverThreads = server.getRequestExecutorProvider();
        this.threads = request -> {
            if (!Threads.isService()) {
                return null; // already on a thread that may block: serve it here
            }
            if (!isProxyPath(request.getRequestURI(), prefix)) {
                return serverThreads.getExecutor(request);
            }
            return task -> {
                try {
                    proxyThreads.execute(task);
                } catch (RejectedExecutionException closed) {
                    // the relay is shut down (the application stopping): a worker answers, through the gate
                    serverThreads.getExecutor(request).execute(task);
                }
            };
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
        } else {
            server.service(request, response);
        }
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
