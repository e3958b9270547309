package io.gptload.api;

import io.gptload.shared.http.GoDuration;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /health}: gpt-load's liveness JSON, {@code {"status":"healthy","timestamp","uptime"}}.
 * MicroProfile Health is moved to {@code /healthz} (DECISIONS 17).
 */
@WebServlet(urlPatterns = "/health", loadOnStartup = 1)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final Instant started = Instant.now();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Instant now = Instant.now();
        String body = "{\"status\":\"healthy\",\"timestamp\":\""
                + DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS))
                + "\",\"uptime\":\"" + GoDuration.format(Duration.between(started, now)) + "\"}";
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
