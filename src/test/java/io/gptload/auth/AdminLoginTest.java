package io.gptload.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gptload.shared.ClientIp;
import io.gptload.shared.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdminLoginTest {

    private static final Map<String, String> NO_HEADERS = Map.of();
    private final AtomicLong now = new AtomicLong();
    private final AdminLogin login = new AdminLogin(new Secret("right-key"), new ClientIp(List.of("10.0.0.1")),
            new LoginThrottle(3, Duration.ofSeconds(60), Duration.ofSeconds(60), 100, now::get));

    private AdminLogin.Outcome attempt(String key, String peer, Map<String, String> headers) {
        return login.attempt(key, peer, headers::get).outcome();
    }

    @Test
    void wrongKeysFromOneIpEndInABlockThatAlsoRefusesTheRightKey() {
        for (int i = 0; i < 3; i++) {
            assertEquals(AdminLogin.Outcome.DENIED, attempt("wrong", "1.2.3.4", NO_HEADERS));
        }
        AdminLogin.Result r = login.attempt("right-key", "1.2.3.4", NO_HEADERS::get);
        assertEquals(AdminLogin.Outcome.BLOCKED, r.outcome());
        assertEquals(60, r.retryAfterSeconds());
        assertEquals("Too many failed login attempts from this IP; try again in 60 seconds", AdminLogin.blockedMessage(r));
        assertEquals(AdminLogin.Outcome.ALLOWED, attempt("right-key", "5.6.7.8", NO_HEADERS));
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals(AdminLogin.Outcome.ALLOWED, attempt("right-key", "1.2.3.4", NO_HEADERS));
    }

    @Test
    void noKeyIsDeniedWithoutCounting() {
        for (int i = 0; i < 10; i++) {
            assertEquals(AdminLogin.Outcome.DENIED, attempt("", "1.2.3.4", NO_HEADERS));
            assertEquals(AdminLogin.Outcome.DENIED, attempt(null, "1.2.3.4", NO_HEADERS));
        }
        assertEquals(AdminLogin.Outcome.ALLOWED, attempt("right-key", "1.2.3.4", NO_HEADERS));
    }

    @Test
    void forwardedAddressesCountOnlyBehindATrustedProxy() {
        for (int i = 0; i < 3; i++) {
            attempt("wrong", "10.0.0.1", Map.of("X-Forwarded-For", "9.9.9.9"));
        }
        assertEquals(AdminLogin.Outcome.BLOCKED, attempt("right-key", "10.0.0.1", Map.of("X-Forwarded-For", "9.9.9.9")));
        assertEquals(AdminLogin.Outcome.ALLOWED, attempt("right-key", "10.0.0.1", Map.of("X-Forwarded-For", "8.8.8.8")));
        for (int i = 0; i < 3; i++) {
            attempt("wrong", "7.7.7.7", Map.of("X-Forwarded-For", "6.6.6.6"));
        }
        assertEquals(AdminLogin.Outcome.BLOCKED, attempt("right-key", "7.7.7.7", Map.of("X-Forwarded-For", "5.5.5.5")),
                "an untrusted peer cannot escape its block with a forged header");
    }
}
