package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/integration/info} and {@code GET /proxy/{group}/api/integration/info} (spec §3.3, §3.4). */
@ExtendWith(SharedGateway.class)
class IntegrationIT {

    /** A request without any admin credential. */
    private static HttpResponse<String> get(Api api, String pathAndQuery) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(api.gateway().uri(pathAndQuery)).GET());
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}", r.body());
    }

    @Test
    void theListShowsTheGroupsAKeyMayUse(Api api, FakeUpstream up) throws Exception {
        String shared = "pk-int-" + Fixtures.unique("k");
        String custom = Fixtures.unique("intc");
        String plain = Fixtures.unique("intp");
        Fixtures.group(api, custom, "openai", up.baseUrl(), shared, ",\"display_name\":\"Custom One\","
                + "\"validation_endpoint\":\"/v2/chat\",\"sort\":2");
        Fixtures.group(api, plain, "anthropic", up.baseUrl(), "other-key," + shared, ",\"sort\":1");
        Fixtures.group(api, Fixtures.unique("into"), "openai", up.baseUrl(), "pk-not-yours", "");

        HttpResponse<String> r = get(api, "/api/integration/info?key=" + shared);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"code\":0,\"message\":\"Success\",\"data\":["
                + "{\"name\":\"" + plain + "\",\"display_name\":\"\",\"channel_type\":\"anthropic\",\"path\":\"/proxy/" + plain + "\"},"
                + "{\"name\":\"" + custom + "\",\"display_name\":\"Custom One\",\"channel_type\":\"custom\","
                + "\"path\":\"/proxy/" + custom + "/v2/chat\"}]}", r.body());

        assertError(get(api, "/api/integration/info"), 400, "VALIDATION_FAILED", "Proxy key is required");
        assertError(get(api, "/api/integration/info?key="), 400, "VALIDATION_FAILED", "Proxy key is required");
        assertError(get(api, "/api/integration/info?key=pk-nobody-has-this"), 400, "VALIDATION_FAILED",
                "Invalid or unauthorized proxy key");
    }

    @Test
    void theProxyPathAnswersForItsGroupWithoutProxying(Api api, FakeUpstream up) throws Exception {
        String custom = Fixtures.unique("intpc");
        String plain = Fixtures.unique("intpp");
        long customId = Fixtures.group(api, custom, "openai", up.baseUrl(), "pk-" + custom,
                ",\"display_name\":\"C\",\"validation_endpoint\":\"/v2/chat\"");
        Fixtures.group(api, plain, "gemini", up.baseUrl(), "pk-" + plain, "");
        String real = "sk-intp-" + custom;
        up.on(real, FakeUpstream.json(200, "{}"));
        Fixtures.keys(api, customId, real);

        HttpResponse<String> r = get(api, "/proxy/" + custom + "/api/integration/info?key=pk-" + custom);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"code\":0,\"message\":\"Success\",\"data\":[{\"name\":\"" + custom
                + "\",\"display_name\":\"C\",\"channel_type\":\"custom\",\"path\":\"/v2/chat\"}]}", r.body());
        HttpResponse<String> p = get(api, "/proxy/" + plain + "/api/integration/info?key=pk-" + plain);
        assertEquals("{\"code\":0,\"message\":\"Success\",\"data\":[{\"name\":\"" + plain
                + "\",\"display_name\":\"\",\"channel_type\":\"gemini\",\"path\":\"\"}]}", p.body());
        assertTrue(up.requests(real).isEmpty(), "never forwarded upstream");

        assertError(get(api, "/proxy/" + custom + "/api/integration/info"), 400, "VALIDATION_FAILED",
                "Proxy key is required");
        assertError(get(api, "/proxy/" + custom + "/api/integration/info?key=pk-" + plain), 400, "VALIDATION_FAILED",
                "Invalid or unauthorized proxy key");
        assertError(get(api, "/proxy/no-such-group-" + custom + "/api/integration/info?key=pk-" + custom), 404,
                "NOT_FOUND", "Group not found");

        // everything else on the proxy path is proxied as before
        assertEquals(401, Fixtures.post(api.gateway(), "/proxy/" + custom + "/api/integration/other", "wrong", "{}")
                .statusCode());
        assertEquals(200, Fixtures.post(api.gateway(), "/proxy/" + custom + "/v1/chat/completions", "pk-" + custom, "{}")
                .statusCode());
        assertEquals(1, up.requests(real).size());
    }
}
