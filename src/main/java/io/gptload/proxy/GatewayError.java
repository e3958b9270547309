package io.gptload.proxy;

import io.gptload.channel.ChannelAdapter;

/** An answer the gateway itself gives, rendered in the caller's API format (DECISIONS 4). */
record GatewayError(int status, String code, String message) {

    Reply render(ChannelAdapter adapter) {
        byte[] body = adapter.errorBody(status, code, message);
        return status == 429 ? Reply.json(status, body, "Retry-After", "1") : Reply.json(status, body);
    }

    static GatewayError unauthorized() {
        return new GatewayError(401, "UNAUTHORIZED", "Authentication failed");
    }

    static GatewayError groupNotFound(String name) {
        return new GatewayError(404, "NOT_FOUND", "Group '" + name + "' not found");
    }

    static GatewayError badPath() {
        return new GatewayError(400, "BAD_REQUEST", "Invalid request path");
    }

    static GatewayError tooLarge(long max) {
        return new GatewayError(413, "REQUEST_TOO_LARGE", "Request body exceeds the limit of " + max + " bytes");
    }

    static GatewayError busy() {
        return new GatewayError(429, "TOO_MANY_REQUESTS", "Too many concurrent requests");
    }

    static GatewayError shuttingDown() {
        return new GatewayError(503, "SERVICE_UNAVAILABLE", "The gateway is shutting down");
    }

    static GatewayError noKeys() {
        return new GatewayError(503, "NO_KEYS_AVAILABLE", "No active API keys available for this group");
    }

    static GatewayError noSubGroups() {
        return new GatewayError(503, "NO_KEYS_AVAILABLE", "No available sub-groups");
    }
}
