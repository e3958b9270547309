package io.gptload.api;

/**
 * An error answer of {@code /api} in gpt-load's envelope: HTTP status, string code, message
 * (spec §3.1). Thrown by resources, rendered once by {@link ApiExceptionMapper}.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException invalidJson(String message) {
        return new ApiException(400, "INVALID_JSON", message);
    }

    public static ApiException validation(String message) {
        return new ApiException(400, "VALIDATION_FAILED", message);
    }

    public static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "Resource not found");
    }

    public static ApiException duplicate(String message) {
        return new ApiException(409, "DUPLICATE_RESOURCE", message);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", "Authentication failed");
    }
}
