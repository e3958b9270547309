package io.gptload.api;

import io.gptload.shared.http.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The security headers gpt-load puts on every response (spec §1 row 53). They are set before
 * the rest of the chain runs, so whatever answers later may replace them: a proxied response
 * carrying an upstream header of the same name keeps the upstream's value, because the REST
 * container replaces headers that are already present when it writes its response.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Header name to value, as gpt-load sends them. */
    static final Map<String, String> HEADERS = SecurityHeaders.ALL;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HEADERS.forEach(resp::setHeader);
        chain.doFilter(req, resp);
    }
}
