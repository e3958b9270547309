package io.gptload.channel;

import io.gptload.shared.json.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Gateway-generated error bodies (DECISIONS 4): gpt-load's top-level {@code code} and
 * {@code message}, plus the error object each provider's SDKs read.
 */
final class ErrorShapes {

    private ErrorShapes() {
    }

    /** {@code "error": {"message", "type", "code"}} as OpenAI (chat and responses) sends it. */
    static byte[] openAi(int status, String code, String message) {
        String type = switch (status) {
            case 400, 413 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 400 && status < 500 ? "invalid_request_error" : "server_error";
        };
        return head(code, message)
                .append(",\"error\":{\"message\":").append(JsonStrings.quote(message))
                .append(",\"type\":").append(JsonStrings.quote(type))
                .append(",\"code\":").append(JsonStrings.quote(code.toLowerCase(Locale.ROOT)))
                .append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "type": "error", "error": {"type", "message"}} as Anthropic sends it. */
    static byte[] anthropic(int status, String code, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            default -> status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
        };
        return head(code, message)
                .append(",\"type\":\"error\",\"error\":{\"type\":").append(JsonStrings.quote(type))
                .append(",\"message\":").append(JsonStrings.quote(message))
                .append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code "error": {"code": <status>, "message", "status"}} as Gemini sends it. */
    static byte[] gemini(int status, String code, String message) {
        String grpcStatus = switch (status) {
            case 400, 413 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 502, 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 400 && status < 500 ? "INVALID_ARGUMENT" : "INTERNAL";
        };
        return head(code, message)
                .append(",\"error\":{\"code\":").append(status)
                .append(",\"message\":").append(JsonStrings.quote(message))
                .append(",\"status\":").append(JsonStrings.quote(grpcStatus))
                .append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder head(String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        return new StringBuilder(96 + 2 * message.length())
                .append("{\"code\":").append(JsonStrings.quote(code))
                .append(",\"message\":").append(JsonStrings.quote(message));
    }
}
