package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstream redirects (spec §1 row 46): followed, but the real key never reaches another host.
 * Upstream A (the shared fake, on 127.0.0.1) redirects to upstream B; {@code localhost} and
 * {@code 127.0.0.1} are different host names, which makes B "another host" or "the same host".
 */
@ExtendWith(SharedGateway.class)
class UpstreamRedirectIT {

    private static final String BODY = "{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static String group(Api api, FakeUpstream a, String channel, String key) {
        String name = Fixtures.unique("redir");
        long id = Fixtures.group(api, name, channel, a.baseUrl(), "pk-" + name, "");
        Fixtures.keys(api, id, key);
        return name;
    }

    @Test
    void crossHostRedirectArrivesWithoutTheKey(Api api, FakeUpstream a) throws Exception {
        String key = "sk-redir-cross-" + Fixtures.unique("k");
        String name = group(api, a, "openai", key);
        try (FakeUpstream b = FakeUpstream.start()) {
            a.on(key, FakeUpstream.redirect(307, r -> "http://localhost:" + b.port() + "/moved" + r.path()));

            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions",
                    "pk-" + name, BODY);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}", r.body());
            List<FakeUpstream.Recorded> got = b.all();
            assertEquals(1, got.size());
            assertEquals("POST", got.get(0).method());
            assertEquals("/moved/v1/chat/completions", got.get(0).path());
            assertEquals(BODY, got.get(0).bodyText(), "307 repeats the body");
            assertNull(got.get(0).header("Authorization"), "the real key stays with the original host");
            assertNull(got.get(0).key());
        }
    }

    @Test
    void sameHostRedirectKeepsTheKey(Api api, FakeUpstream a) throws Exception {
        String key = "sk-redir-same-" + Fixtures.unique("k");
        String name = group(api, a, "openai", key);
        try (FakeUpstream b = FakeUpstream.start()) {
            a.on(key, FakeUpstream.redirect(308, r -> "http://127.0.0.1:" + b.port() + r.path()));
            b.on(key, FakeUpstream.json(200, "{\"from\":\"b\"}"));

            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions",
                    "pk-" + name, BODY);

            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"from\":\"b\"}", r.body());
            FakeUpstream.Recorded got = b.requests(key).get(0);
            assertEquals("Bearer " + key, got.header("Authorization"));
            assertEquals(BODY, got.bodyText());
            assertEquals(1, b.all().size());
        }
    }

    @Test
    void geminiKeyInTheQueryDoesNotFollowToAnotherHost(Api api, FakeUpstream a) throws Exception {
        String key = "gk-redir-" + Fixtures.unique("k");
        String name = group(api, a, "gemini", key);
        try (FakeUpstream b = FakeUpstream.start()) {
            a.on(key, FakeUpstream.redirect(307,
                    r -> "http://localhost:" + b.port() + r.path() + "?" + r.rawQuery()));

            HttpResponse<String> r = Fixtures.send(HttpRequest.newBuilder(api.gateway().uri("/proxy/" + name
                            + "/v1beta/models/gemini-pro:generateContent?alt=sse&key=pk-" + name))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"contents\":[]}")));

            assertEquals(200, r.statusCode(), r.body());
            FakeUpstream.Recorded got = b.all().get(0);
            assertEquals("/v1beta/models/gemini-pro:generateContent", got.path());
            assertEquals("alt=sse", got.rawQuery());
            assertNull(got.key());
            assertFalse(got.target().contains(key));
            assertEquals("{\"contents\":[]}", got.bodyText());
        }
    }

    @Test
    void seeOtherBecomesAGetWithoutBody(Api api, FakeUpstream a) throws Exception {
        String key = "sk-redir-303-" + Fixtures.unique("k");
        String name = group(api, a, "openai", key);
        try (FakeUpstream b = FakeUpstream.start()) {
            a.on(key, FakeUpstream.redirect(303, r -> "http://127.0.0.1:" + b.port() + "/result/1"));
            b.on(key, FakeUpstream.json(200, "{\"done\":true}"));

            HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions",
                    "pk-" + name, BODY);

            assertEquals(200, r.statusCode(), r.body());
            FakeUpstream.Recorded got = b.requests(key).get(0);
            assertEquals("GET", got.method());
            assertEquals("/result/1", got.path());
            assertEquals("", got.bodyText());
        }
    }

    @Test
    void endlessRedirectsEndWithTheLastRedirectForTheClient(Api api, FakeUpstream a) throws Exception {
        String key = "sk-redir-loop-" + Fixtures.unique("k");
        String name = group(api, a, "openai", key);
        a.on(key, FakeUpstream.redirect(302, r -> r.path() + "/again"));

        HttpResponse<String> r = Fixtures.post(api.gateway(), "/proxy/" + name + "/v1/chat/completions",
                "pk-" + name, BODY);

        assertEquals(302, r.statusCode(), r.body());
        assertEquals("moved", r.body());
        assertEquals(11, a.requests(key).size(), "the first request and ten redirects");
        String location = r.headers().firstValue("Location").orElseThrow();
        assertEquals("/v1/chat/completions" + "/again".repeat(11), location, "an upstream's Location passes as sent");
    }
}
