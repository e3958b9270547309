package io.gptload.api;

import io.gptload.auth.AdminLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Objects;

/**
 * {@code POST /api/auth/login}: checks AUTH_KEY; not enveloped (spec §3.3). A throttled IP gets
 * 429 {@code {"success":false,"message":...}} with {@code Retry-After} (DECISIONS 14).
 */
@ApplicationScoped
@Path("auth")
public class AuthResource {

    private AdminLogin adminLogin;

    protected AuthResource() {
        // for CDI proxies
    }

    @Inject
    public AuthResource(AdminLogin adminLogin) {
        this.adminLogin = Objects.requireNonNull(adminLogin, "adminLogin");
    }

    @POST
    @Path("login")
    @Consumes("*/*")
    public Response login(String body, @Context HttpServletRequest request, @Context HttpHeaders headers) {
        String key = authKeyOf(body);
        AdminLogin.Result r = adminLogin.attempt(key, request.getRemoteAddr(), headers::getHeaderString);
        return switch (r.outcome()) {
            case BLOCKED -> Response.fromResponse(answer(429, false, AdminLogin.blockedMessage(r)))
                    .header("Retry-After", r.retryAfterSeconds()).build();
            case DENIED -> key == null || key.isEmpty() ? answer(400, false, "Invalid request format")
                    : answer(401, false, "Authentication failed");
            case ALLOWED -> answer(200, true, "Authentication successful");
        };
    }

    private static String authKeyOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject o = v.asJsonObject();
            JsonValue k = o.get("auth_key");
            return k != null && k.getValueType() == JsonValue.ValueType.STRING ? o.getString("auth_key") : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response answer(int status, boolean success, String message) {
        return Response.status(status).type("application/json")
                .entity(Json.createObjectBuilder().add("success", success).add("message", message).build().toString())
                .build();
    }
}
