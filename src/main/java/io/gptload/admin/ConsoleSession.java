package io.gptload.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;

/**
 * The console's login state, kept as one attribute of the server-side HTTP session. The AUTH_KEY
 * itself is never stored: a successful login only marks the session, after rotating its id.
 */
public final class ConsoleSession {

    /** The session attribute that marks a logged-in operator. */
    static final String OPERATOR = "io.gptload.admin.operator";

    private ConsoleSession() {
    }

    /** Whether {@code session} (may be null) belongs to a logged-in operator. */
    public static boolean loggedIn(HttpSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(OPERATOR));
    }

    /** Marks the caller's session logged in under a fresh session id (no session fixation). */
    static void logIn(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(OPERATOR, Boolean.TRUE);
    }
}
