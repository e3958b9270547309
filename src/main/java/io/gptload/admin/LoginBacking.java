package io.gptload.admin;

import io.gptload.auth.AdminLogin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code login.xhtml}: checks the AUTH_KEY through {@link AdminLogin} (throttled per client IP,
 * DECISIONS 14). Success rotates the session id, marks the session logged in and opens the
 * dashboard; a wrong key or a blocked IP (answered with status 429) shows a message. The key is
 * forgotten as soon as it has been checked and is never shown again.
 */
@Named
@RequestScoped
public class LoginBacking {

    static final int TOO_MANY_REQUESTS = 429;

    @Inject
    AdminLogin adminLogin;

    private String authKey;

    /** Always empty: the page never shows a key back. */
    public String getAuthKey() {
        return null;
    }

    public void setAuthKey(String authKey) {
        this.authKey = authKey;
    }

    /** The login button. */
    public String login() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) ctx.getExternalContext().getRequest();
        String presented = authKey;
        authKey = null;
        AdminLogin.Result r = adminLogin.attempt(presented, request.getRemoteAddr(), request::getHeader);
        switch (r.outcome()) {
            case ALLOWED -> {
                ConsoleSession.logIn(request);
                return ConsoleRoutes.DASHBOARD + "?faces-redirect=true";
            }
            case BLOCKED -> {
                ctx.getExternalContext().setResponseStatus(TOO_MANY_REQUESTS);
                ctx.getExternalContext().setResponseHeader("Retry-After", Long.toString(r.retryAfterSeconds()));
                ConsoleMessages.error(ctx, "login.blocked", r.retryAfterSeconds());
            }
            case DENIED -> ConsoleMessages.error(ctx, presented == null || presented.isEmpty()
                    ? "login.required" : "login.wrong");
        }
        return null;
    }
}
