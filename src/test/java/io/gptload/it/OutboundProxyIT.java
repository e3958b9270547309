package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbound proxy from the environment (spec §1 row 44): with {@code HTTP_PROXY} set and no
 * {@code proxy_url}, requests to other hosts go through the proxy; {@code NO_PROXY} hosts and
 * loopback addresses go direct; a group's {@code proxy_url} wins. The "proxy" is a fake upstream
 * that answers itself: a request that reaches it arrived in absolute form, as clients talk to
 * HTTP proxies. The upstream host names end in {@code .invalid}, so going direct fails.
 */
class OutboundProxyIT {

    private static FakeUpstream proxy;
    private static FakeUpstream other;
    private static Gateway gateway;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        proxy = FakeUpstream.start();
        other = FakeUpstream.start();
        gateway = Gateway.start("outbound-proxy", Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port(),
                "NO_PROXY", "direct.invalid, 10.0.0.0/8"));
        api = new Api(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        proxy.close();
        other.close();
    }

    private static HttpResponse<String> call(String upstream, String key, String extra) throws Exception {
        String name = Fixtures.unique("px");
        long id = Fixtures.group(api, name, "openai", upstream, "pk-" + name, extra);
        Fixtures.keys(api, id, key);
        return Fixtures.post(gateway, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{\"model\":\"m\"}");
    }

    @Test
    void otherHostsGoThroughTheProxy() throws Exception {
        String key = "sk-px-" + Fixtures.unique("k");
        proxy.on(key, FakeUpstream.json(200, "{\"via\":\"proxy\"}"));

        HttpResponse<String> r = call("http://api.proxied.invalid", key, "");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"via\":\"proxy\"}", r.body());
        FakeUpstream.Recorded got = proxy.requests(key).get(0);
        assertEquals("http://api.proxied.invalid/v1/chat/completions", got.target());
        assertEquals("api.proxied.invalid", got.header("Host"));
        assertEquals("{\"model\":\"m\"}", got.bodyText());
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        String key = "sk-px-direct-" + Fixtures.unique("k");
        proxy.on(key, FakeUpstream.json(200, "{\"via\":\"proxy\"}"));

        HttpResponse<String> r = call("http://api.direct.invalid", key, ",\"config\":{\"max_retries\":0}");

        assertEquals(502, r.statusCode(), "direct to a name that does not resolve: " + r.body());
        assertTrue(proxy.requests(key).isEmpty());
    }

    @Test
    void loopbackUpstreamsGoDirect() throws Exception {
        String key = "sk-px-loop-" + Fixtures.unique("k");
        other.on(key, FakeUpstream.json(200, "{\"via\":\"direct\"}"));

        HttpResponse<String> r = call(other.baseUrl(), key, "");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"via\":\"direct\"}", r.body());
        assertTrue(proxy.requests(key).isEmpty());
    }

    @Test
    void aGroupProxyUrlWinsOverTheEnvironment() throws Exception {
        String key = "sk-px-own-" + Fixtures.unique("k");
        other.on(key, FakeUpstream.json(200, "{\"via\":\"group proxy\"}"));

        HttpResponse<String> r = call("http://api.direct.invalid", key,
                ",\"config\":{\"proxy_url\":\"http://127.0.0.1:" + other.port() + "\"}");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("http://api.direct.invalid/v1/chat/completions", other.requests(key).get(0).target());
        assertTrue(proxy.requests(key).isEmpty());
    }
}
