package io.gptload.auth;

import io.gptload.shared.ClientIp;
import io.gptload.shared.Secret;
import io.gptload.shared.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Admin authentication with login throttling: checks a presented AUTH_KEY for a caller and
 * counts wrong ones per client IP (the direct peer, or the forwarded address when the peer is one
 * of {@code TRUSTED_PROXIES}). Used by every admin-authenticated {@code /api} call, the login
 * route and the console.
 */
@ApplicationScoped
public class AdminLogin {

    /** What became of one attempt. */
    public enum Outcome { ALLOWED, DENIED, BLOCKED }

    /**
     * @param retryAfter how long the caller stays refused (only for {@link Outcome#BLOCKED}, else zero)
     */
    public record Result(Outcome outcome, Duration retryAfter) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** Whole seconds to wait, at least 1, for {@code Retry-After}. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private Secret authKey;
    private ClientIp clientIp;
    private LoginThrottle throttle;

    protected AdminLogin() {
        // for CDI proxies
    }

    @Inject
    public AdminLogin(GatewayConfig config, LoginThrottle throttle) {
        this(new Secret(config.security().authKey()), new ClientIp(config.proxy().trustedProxies()), throttle);
    }

    AdminLogin(Secret authKey, ClientIp clientIp, LoginThrottle throttle) {
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.clientIp = Objects.requireNonNull(clientIp, "clientIp");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
    }

    /**
     * Checks {@code presented} for the caller at {@code peer}. A blocked IP is refused whatever it
     * presents; an empty key is denied without counting as a failed login.
     */
    public Result attempt(String presented, String peer, Function<String, String> header) {
        String ip = clientIp.resolve(peer, header);
        Duration blocked = throttle.blockedFor(ip);
        if (!blocked.isZero()) {
            return new Result(Outcome.BLOCKED, blocked);
        }
        if (presented == null || presented.isEmpty()) {
            return new Result(Outcome.DENIED, Duration.ZERO);
        }
        if (authKey.matches(presented)) {
            throttle.recordSuccess(ip);
            return new Result(Outcome.ALLOWED, Duration.ZERO);
        }
        throttle.recordFailure(ip);
        return new Result(Outcome.DENIED, Duration.ZERO);
    }

    /** The refusal text for a blocked caller. */
    public static String blockedMessage(Result r) {
        return "Too many failed login attempts from this IP; try again in " + r.retryAfterSeconds() + " seconds";
    }
}
