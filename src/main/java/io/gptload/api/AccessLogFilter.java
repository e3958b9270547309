package io.gptload.api;

import io.gptload.shared.http.AccessLogLine;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The access log (spec §1 row 55) on every route, logger {@value #LOGGER}: one
 * {@link AccessLogLine} per request once its response is complete. For asynchronous requests (the
 * proxy) that is when the async cycle completes, so a stream is logged at its end with its whole
 * duration.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AccessLogFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String LOGGER = AccessLogLine.LOGGER;
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, resp);
        } catch (IOException | ServletException | RuntimeException e) {
            log(req, 500, start);
            throw e;
        }
        if (req.isAsyncStarted()) {
            try {
                // a completion requested during this dispatch waits for it to return, so this listener hears it
                req.getAsyncContext().addListener(new Completion(req, resp, start));
                return;
            } catch (IllegalStateException completedMeanwhile) {
                // fall through: the response is complete
            }
        }
        log(req, resp.getStatus(), start);
    }

    static void log(HttpServletRequest req, int status, long startNanos) {
        AccessLogLine.log(LOG, req.getMethod(), req.getRequestURI(), req.getQueryString(), status, startNanos);
    }

    /** Logs an asynchronous request when its cycle ends, however it ends. */
    private record Completion(HttpServletRequest req, HttpServletResponse resp, long start) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            log(req, resp.getStatus(), start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
