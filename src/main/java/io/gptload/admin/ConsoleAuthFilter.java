package io.gptload.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps anonymous callers out of the console: every page but the login page needs a logged-in
 * session ({@link ConsoleRoutes}). A page request is redirected; a Faces Ajax request gets the
 * partial response that makes the browser follow the redirect. Console pages are never cached,
 * so the back button after logout shows nothing of the dashboard.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class ConsoleAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean loggedIn = ConsoleSession.loggedIn(req.getSession(false));
        switch (ConsoleRoutes.decide(path, loggedIn, req.getMethod())) {
            case PASS -> {
                if (!path.startsWith(ConsoleRoutes.RESOURCES)) {
                    resp.setHeader("Cache-Control", "no-store");
                }
                chain.doFilter(req, resp);
            }
            case TO_LOGIN -> redirect(req, resp, ConsoleRoutes.LOGIN);
            case TO_DASHBOARD -> redirect(req, resp, ConsoleRoutes.DASHBOARD);
        }
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse resp, String page) throws IOException {
        String url = req.getContextPath() + page;
        resp.setHeader("Cache-Control", "no-store");
        if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\"" + url
                    + "\"/></partial-response>").getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/xml;charset=UTF-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        } else {
            resp.sendRedirect(url);
        }
    }
}
