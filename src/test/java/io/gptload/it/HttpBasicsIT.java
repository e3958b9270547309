package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every response carries (spec §1 row 53) and what unknown routes answer (spec §3.1),
 * seen from a client.
 */
@ExtendWith(SharedGateway.class)
class HttpBasicsIT {

    private static final Map<String, String> SECURITY = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            "X-Frame-Options", "SAMEORIGIN");

    private static HttpResponse<String> call(Gateway gw, String method, String path, boolean admin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(gw.uri(path))
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (admin) {
            b.header("Authorization", "Bearer " + Gateway.AUTH_KEY);
        }
        return Fixtures.send(b);
    }

    private static void assertSecurityHeaders(HttpResponse<String> r, Map<String, String> expected) {
        expected.forEach((name, value) -> assertEquals(List.of(value), r.headers().allValues(name),
                name + " on " + r.request().method() + " " + r.uri().getPath() + " (" + r.statusCode() + ")"));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders(Api api) throws Exception {
        Gateway gw = api.gateway();
        List<HttpResponse<String>> answers = List.of(
                call(gw, "GET", "/health", false),
                call(gw, "GET", "/api/channel-types", true),
                call(gw, "GET", "/api/groups", false),
                call(gw, "GET", "/api/nope", true),
                call(gw, "POST", "/proxy/no-such-group/v1/chat/completions", false),
                call(gw, "GET", "/proxy", false),
                call(gw, "GET", "/no-such-page", false));
        assertEquals(List.of(200, 200, 401, 404, 404, 404, 404), answers.stream().map(HttpResponse::statusCode).toList());
        answers.forEach(r -> assertSecurityHeaders(r, SECURITY));
    }

    @Test
    void proxiedResponsesKeepTheUpstreamsOwnSecurityHeaders(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("sechdr");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String withHeaders = "sk-sechdr-a-" + name;
        String without = "sk-sechdr-b-" + name;
        up.on(withHeaders, (ex, r) -> {
            ex.getResponseHeaders().set("X-Frame-Options", "DENY");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            FakeUpstream.json(200, "{\"ok\":true}").handle(ex, r);
        });
        Fixtures.keys(api, id, withHeaders, without);

        boolean sawUpstreamHeaders = false;
        boolean sawPlain = false;
        for (int i = 0; i < 4 && !(sawUpstreamHeaders && sawPlain); i++) { // the two keys take turns
            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}");
            assertEquals(200, r.statusCode(), r.body());
            if (r.body().equals("{\"ok\":true}")) {
                sawUpstreamHeaders = true;
                assertSecurityHeaders(r, Map.of("X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer",
                        "X-Content-Type-Options", "nosniff",
                        "Permissions-Policy", SECURITY.get("Permissions-Policy")));
            } else {
                sawPlain = true;
                assertSecurityHeaders(r, SECURITY);
            }
        }
        assertTrue(sawUpstreamHeaders && sawPlain, "both keys answered");
    }

    @Test
    void unknownApiAndProxyRoutesAnswer404NotFoundJson(Api api) throws Exception {
        Gateway gw = api.gateway();
        for (String[] c : new String[][] {
                {"GET", "/api/nope", "admin"}, {"GET", "/api/nope", ""}, {"POST", "/api/nope/deeper", "admin"},
                {"GET", "/api", "admin"}, {"GET", "/api/", "admin"}, {"DELETE", "/api/channel-types", "admin"},
                {"GET", "/api/application.wadl", "admin"},
                {"GET", "/proxy", ""}, {"GET", "/proxy/", ""}, {"POST", "/proxy", ""}, {"POST", "/proxy/", ""}}) {
            HttpResponse<String> r = call(gw, c[0], c[1], !c[2].isEmpty());
            String what = c[0] + " " + c[1] + (c[2].isEmpty() ? "" : " (with AUTH_KEY)");
            assertEquals(404, r.statusCode(), what + ": " + r.body());
            assertEquals("{\"error\":\"Not Found\"}", r.body(), what);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        }
    }

    @Test
    void aPathThatDoesNotDecodeIs400Json(Api api) throws Exception {
        Gateway gw = api.gateway();
        String admin = "Bearer " + Gateway.AUTH_KEY;
        for (String path : List.of("/api/groups%zz", "/api/%E0%A4", "/%zz", "/login.xhtml%", "/keys%g1")) {
            RawHttp.Answer a = rawGet(gw, path, admin);
            assertEquals(400, a.status(), path + ": " + a.body());
            assertEquals("{\"code\":\"BAD_REQUEST\",\"message\":\"Malformed percent-encoding in the request path\"}",
                    a.body(), path);
            assertTrue(a.headers().getOrDefault("Content-Type", "").startsWith("application/json"), path);
            assertEquals("nosniff", a.headers().get("X-Content-Type-Options"), path);
        }
        RawHttp.Answer groups = rawGet(gw, "/api/groups?name=%zz", admin); // a query is not the path
        assertEquals(200, groups.status(), groups.body());
        assertTrue(groups.body().startsWith("{\"code\":0"), groups.body());
        RawHttp.Answer encodedSlash = rawGet(gw, "/api/a%2Fb", admin); // well formed: an unknown route
        assertEquals(404, encodedSlash.status(), encodedSlash.body());
        String log = Files.readString(gw.log());
        for (String trace : List.of("URLDecoder", "CharConversionException", "Illegal hex characters")) {
            assertFalse(log.contains(trace), "no stack trace in the server log for a bad path: " + trace);
        }
    }

    private static RawHttp.Answer rawGet(Gateway gw, String path, String authorization) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gw.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.request("GET", path, authorization, ""));
            out.flush();
            return RawHttp.read(socket.getInputStream());
        }
    }

    @Test
    void theProxyIsNotReachableUnderApi(Api api, FakeUpstream up) throws Exception {
        String name = Fixtures.unique("notapi");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        String key = "sk-notapi-" + name;
        Fixtures.keys(api, id, key);
        HttpResponse<String> r = call(api.gateway(), "POST", "/api/" + name + "/v1/chat/completions", true);
        assertEquals(404, r.statusCode(), r.body());
        assertEquals("{\"error\":\"Not Found\"}", r.body());
        assertTrue(up.requests(key).isEmpty(), "AUTH_KEY on /api must never reach an upstream");
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}")
                .statusCode(), "the same group works under /proxy");
    }
}
