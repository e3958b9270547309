package io.gptload.shared.http;

import java.util.Map;

/** The security headers gpt-load puts on every response (spec §1 row 53), name to value. */
public final class SecurityHeaders {

    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            "X-Frame-Options", "SAMEORIGIN");

    private SecurityHeaders() {
    }
}
