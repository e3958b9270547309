package io.gptload.proxy;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Stands where the web container's handler stood on a listener: {@code /proxy} and below (by
 * the raw path) go to the proxy's handler, every other request to the web container as before.
 */
final class GrizzlyProxyRouter extends HttpHandler {

    private final HttpHandler web;
    private final HttpHandler proxy;
    private final String prefix;

    GrizzlyProxyRouter(HttpHandler web, HttpHandler proxy, String prefix) {
        super("gpt-load-proxy-router");
        this.web = web;
        this.proxy = proxy;
        this.prefix = prefix;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (isProxyPath(request.getRequestURI(), prefix)) {
            proxy.service(request, response);
        } else {
            web.service(request, response);
        }
    }

    /** Whether {@code rawPath} is {@code prefix} itself or below it. */
    static boolean isProxyPath(String rawPath, String prefix) {
        return rawPath != null && rawPath.startsWith(prefix)
                && (rawPath.length() == prefix.length() || rawPath.charAt(prefix.length()) == '/');
    }

    @Override
    public void start() {
        web.start();
    }

    @Override
    public void destroy() {
        web.destroy();
    }
}
