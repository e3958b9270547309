package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login throttling (DECISIONS 14) on a gateway of its own: ten wrong admin keys from one IP block
 * it, good key or not, until the block (shortened to a few seconds here) is over.
 */
class LoginThrottleIT {

    private static final int BLOCK_SECONDS = 6;
    private static Gateway gw;

    @BeforeAll
    static void start() throws Exception {
        gw = Gateway.start("login-throttle", Map.of("LOGIN_BLOCK_SECONDS", Integer.toString(BLOCK_SECONDS)));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private static HttpResponse<String> login(String key) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(gw.uri("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"auth_key\":\"" + key + "\"}")));
    }

    private static HttpResponse<String> groups(String key) throws Exception {
        return Fixtures.send(HttpRequest.newBuilder(gw.uri("/api/groups")).header("Authorization", "Bearer " + key).GET());
    }

    private static void awaitUnblocked() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (groups(Gateway.AUTH_KEY).statusCode() != 429) {
                return;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void tenWrongLoginsBlockTheIpUntilTheBlockEnds() throws Exception {
        String wrong = Secrets.remember("wrong-admin-key-for-throttle");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login(wrong).statusCode(), "attempt " + (i + 1));
        }
        HttpResponse<String> blocked = login(wrong);
        assertEquals(429, blocked.statusCode());
        assertEquals("{\"success\":false,\"message\":\"Too many failed login attempts from this IP; try again in "
                + blocked.headers().firstValue("Retry-After").orElseThrow() + " seconds\"}", blocked.body());
        assertTrue(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElseThrow()) <= BLOCK_SECONDS);

        assertEquals(429, login(Gateway.AUTH_KEY).statusCode(), "the right key is refused during the block");
        HttpResponse<String> api = groups(Gateway.AUTH_KEY);
        assertEquals(429, api.statusCode());
        assertTrue(api.body().startsWith("{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Too many failed login attempts"),
                api.body());
        assertTrue(api.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, Fixtures.send(HttpRequest.newBuilder(gw.uri("/health")).GET()).statusCode(),
                "only the admin side is blocked");

        Thread.sleep(BLOCK_SECONDS * 1000L);
        awaitUnblocked();
        assertEquals(200, login(Gateway.AUTH_KEY).statusCode(), "the block ends");
        assertEquals(200, groups(Gateway.AUTH_KEY).statusCode());
    }

    @Test
    void wrongKeysOnAnyAdminRouteCountAndNoKeyDoesNot() throws Exception {
        awaitUnblocked();
        assertEquals(200, groups(Gateway.AUTH_KEY).statusCode());
        for (int i = 0; i < 20; i++) {
            assertEquals(401, Fixtures.send(HttpRequest.newBuilder(gw.uri("/api/groups")).GET()).statusCode());
        }
        String wrong = Secrets.remember("another-wrong-admin-key");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, groups(wrong).statusCode(), "attempt " + (i + 1));
        }
        assertEquals(429, groups(Gateway.AUTH_KEY).statusCode());
        assertEquals(429, login(Gateway.AUTH_KEY).statusCode());
        awaitUnblocked();
        assertEquals(200, groups(Gateway.AUTH_KEY).statusCode());
    }
}
