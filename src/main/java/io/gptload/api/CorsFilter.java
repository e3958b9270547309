package io.gptload.api;

import io.gptload.shared.http.CorsPolicy;

import io.gptload.shared.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/** Applies {@link CorsPolicy} to every route when {@code ENABLE_CORS} is on. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CorsFilter.class.getName());

    @Inject
    private transient GatewayConfig config;
    private transient CorsPolicy policy;

    @Override
    public void init() {
        policy = CorsPolicy.of(config.cors());
        String problem = policy.problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (policy.enabled()) {
            LOG.info("CORS enabled for " + policy.origins());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (!policy.enabled()) {
            chain.doFilter(req, resp);
            return;
        }
        policy.headersFor(req.getHeader("Origin")).forEach(resp::setHeader);
        if (policy.shortCircuits(req.getMethod())) {
            resp.setStatus(204);
            return;
        }
        chain.doFilter(req, resp);
    }
}
