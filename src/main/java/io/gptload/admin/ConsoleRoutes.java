package io.gptload.admin;

import java.util.Objects;

/**
 * Where a console request may go: Faces resources always pass; the root ({@code /}, the welcome
 * file) is redirected to the dashboard or the login page; the login page passes (a logged-in
 * operator who opens it is sent to the dashboard); every other page needs a logged-in operator
 * and sends anyone else to the login page.
 */
final class ConsoleRoutes {

    static final String ROOT = "/";
    static final String LOGIN = "/login.xhtml";
    static final String DASHBOARD = "/dashboard.xhtml";
    static final String RESOURCES = "/jakarta.faces.resource/";

    /** What the filter does with one request. */
    enum Decision { PASS, TO_LOGIN, TO_DASHBOARD }

    private ConsoleRoutes() {
    }

    /**
     * @param path     the request path inside the application ({@code /dashboard.xhtml})
     * @param loggedIn whether the session belongs to a logged-in operator
     * @param method   the HTTP method
     */
    static Decision decide(String path, boolean loggedIn, String method) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        if (path.startsWith(RESOURCES)) {
            return Decision.PASS;
        }
        if (path.equals(ROOT)) {
            return loggedIn ? Decision.TO_DASHBOARD : Decision.TO_LOGIN;
        }
        if (path.equals(LOGIN)) {
            return loggedIn && method.equals("GET") ? Decision.TO_DASHBOARD : Decision.PASS;
        }
        return loggedIn ? Decision.PASS : Decision.TO_LOGIN;
    }
}
