package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console seen over plain HTTP (no browser needed): where anonymous callers are sent, what
 * the session cookie looks like, and that the console leaves the gateway's other paths alone.
 */
@ExtendWith(SharedGateway.class)
class ConsoleHttpIT {

    private static HttpResponse<String> get(Gateway gw, String path) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(gw.uri(path)).GET());
    }

    @Test
    void anonymousCallersAreRedirectedToTheLoginPage(Gateway gw) throws Exception {
        for (String path : List.of("/", "/dashboard.xhtml", "/keys.xhtml", "/logs.xhtml", "/settings.xhtml",
                "/nope.xhtml")) {
            HttpResponse<String> r = get(gw, path);
            assertEquals(302, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), path);
        }
    }

    @Test
    void anAjaxRequestOfAnAnonymousCallerIsToldToGoToTheLoginPage(Gateway gw) throws Exception {
        HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(gw.uri("/dashboard.xhtml"))
                .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        assertTrue(r.body().contains("<partial-response><redirect url=\"/login.xhtml\"/></partial-response>"),
                r.body());
    }

    @Test
    void theLoginPageIsServedWithAnHttpOnlySameSiteSessionCookieAndIsNeverCached(Gateway gw) throws Exception {
        HttpResponse<String> r = get(gw, "/login.xhtml");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(r.body().contains("<label") && r.body().contains("for=\"login:authKey\""), "the key has a label");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie); // Payara writes "lax"
        assertEquals(1, cookie.toLowerCase(java.util.Locale.ROOT).split("samesite=", -1).length - 1,
                "one SameSite, from payara-web.xml or the listener, not both: " + cookie);
        assertFalse(r.body().contains(Gateway.AUTH_KEY));
    }

    @Test
    void facesResourcesAndErrorPagesNeedNoLoginAndOpenNoSession(Gateway gw) throws Exception {
        for (String path : List.of("/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga-blue",
                "/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-arya-blue",
                "/jakarta.faces.resource/core.js.xhtml?ln=primefaces",
                "/jakarta.faces.resource/console.css.xhtml?ln=console")) {
            HttpResponse<String> r = get(gw, path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), path);
        }
        HttpResponse<String> missing = get(gw, "/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertTrue(missing.headers().allValues("Set-Cookie").isEmpty(), "a 404 opens no session");
    }

    @Test
    void theGatewaysOtherPathsAnswerAsBefore(Api api) throws Exception {
        Gateway gw = api.gateway();
        HttpResponse<String> health = get(gw, "/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"healthy\""), health.body());
        assertEquals(200, get(gw, "/healthz").statusCode());
        assertEquals(200, get(gw, "/metrics").statusCode());
        assertEquals(200, get(gw, "/openapi").statusCode());
        assertEquals(401, get(gw, "/api/groups").statusCode());
        assertEquals(200, api.get("/api/channel-types").status());
        HttpResponse<String> proxy = get(gw, "/proxy");
        assertEquals(404, proxy.statusCode());
        assertEquals("{\"error\":\"Not Found\"}", proxy.body());
        HttpResponse<String> noGroup = Fixtures.post(gw, "/proxy/no-such-group/v1/chat/completions", "pk-x", "{}");
        assertEquals(404, noGroup.statusCode());
        assertFalse(noGroup.body().contains("<html"), noGroup.body());
    }
}
