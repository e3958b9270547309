package io.gptload.api;

import io.gptload.auth.AdminLogin;
import io.gptload.auth.PresentedKey;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code /api} route but login and the public integration info needs AUTH_KEY, presented
 * the same ways as a proxy key (spec §3.1). Wrong keys count as failed logins: an IP with too many
 * is answered 429 for a while, good key or not (DECISIONS 14).
 */
@Provider
public class AdminAuthFilter implements ContainerRequestFilter {

    @Inject
    private AdminLogin login;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.equals("auth/login") || path.equals("integration/info")) {
            return;
        }
        PresentedKey k = PresentedKey.from(ctx.getUriInfo().getRequestUri().getRawQuery(), ctx::getHeaderString);
        AdminLogin.Result r = login.attempt(k.key(), request.getRemoteAddr(), ctx::getHeaderString);
        switch (r.outcome()) {
            case ALLOWED -> { }
            case DENIED -> ctx.abortWith(Envelope.error(401, "UNAUTHORIZED", "Authentication failed"));
            case BLOCKED -> ctx.abortWith(tooMany(r));
        }
    }

    /** 429 {@code TOO_MANY_REQUESTS} in the envelope, with {@code Retry-After}. */
    static Response tooMany(AdminLogin.Result r) {
        Response base = Envelope.error(429, "TOO_MANY_REQUESTS", AdminLogin.blockedMessage(r));
        return Response.fromResponse(base).header("Retry-After", r.retryAfterSeconds()).build();
    }
}
