package io.gptload.channel;

/**
 * Everything that differs between API formats, as pure functions of their inputs. Implementations
 * are stateless singletons obtained from {@link ChannelAdapters#of(ChannelType)}.
 */
public interface ChannelAdapter {

    /** The format this adapter speaks. */
    ChannelType type();

    /** Validation path used when a group configures none ("" for Gemini, whose probe path is fixed). */
    String defaultValidationEndpoint();

    /** Whether the client asked for a stream: {@code Accept: text/event-stream}, {@code ?stream=true} or body {@code "stream": true}. */
    boolean isStream(ClientRequest r);

    /** The client-requested model for logs (before redirect), "" when none. */
    String requestedModel(ClientRequest r, byte[] body);

    /**
     * Shapes one attempt: URL = {@code upstreamBase} without trailing slashes + path + query,
     * the real key injected, the model redirected.
     *
     * @param body the body to send (parameter overrides already applied)
     * @throws ModelNotAllowedException when a strict redirect does not list the requested model
     */
    UpstreamCall prepare(String upstreamBase, ClientRequest r, byte[] body, String realKey, ModelRedirect redirect);

    /**
     * A gateway-generated error body in this format's shape (DECISIONS 4): top-level {@code code}
     * and {@code message} plus the provider's own error object. Compact UTF-8 JSON.
     */
    byte[] errorBody(int status, String code, String message);

    /**
     * The key validation request, always sent with POST.
     *
     * @param validationEndpoint the group's endpoint (may carry a query string); "" means the default
     */
    UpstreamCall validationProbe(String upstreamBase, String validationEndpoint, String testModel, String realKey);

    /** Whether the upstream answer must go through {@link #rewriteModelList}: a GET on a model-list path. */
    default boolean isModelListRequest(String method, String path) {
        return "GET".equals(method)
                && (path.endsWith("/v1/models") || path.endsWith("/v1beta/models") || path.contains("/v1beta/openai/v1/models"));
    }

    /**
     * Applies the redirect rules to a successful model-list body (already decompressed): strict
     * lists only the rule keys, otherwise rule keys missing upstream are appended. Without rules the
     * body is returned as is.
     *
     * @param rawQuery the client's raw query (Gemini pages: only the first page gets merged entries)
     * @throws IllegalArgumentException when the body is not a JSON object
     */
    byte[] rewriteModelList(byte[] body, String rawQuery, ModelRedirect redirect);
}
