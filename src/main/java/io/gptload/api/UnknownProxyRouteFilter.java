package io.gptload.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /proxy} without a group names no route: answered like every unknown {@code /api} or
 * {@code /proxy} path, 404 {@code {"error":"Not Found"}} (spec §3.1), instead of the container's
 * HTML error page. Paths with a group are the proxy's business.
 */
@WebFilter(urlPatterns = {"/proxy", "/proxy/"}, asyncSupported = true)
public class UnknownProxyRouteFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The body of every unknown-route answer. */
    static final String NOT_FOUND_BODY = "{\"error\":\"Not Found\"}";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException {
        byte[] body = NOT_FOUND_BODY.getBytes(StandardCharsets.UTF_8);
        SecurityHeadersFilter.HEADERS.forEach(resp::setHeader); // filters annotated alike run in no set order
        resp.setStatus(404);
        resp.setContentType("application/json");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
