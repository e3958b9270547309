package io.gptload.channel;

import io.gptload.shared.json.JsonFields;
import io.gptload.shared.json.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the formats that carry the model in a JSON body share: the URL is base + client path +
 * client query, the model is the top-level {@code "model"}, the model list is OpenAI-shaped.
 * Subclasses supply only their auth headers, probe body and error shape.
 */
abstract sealed class JsonBodyAdapter implements ChannelAdapter permits OpenAiAdapter, OpenAiResponseAdapter, AnthropicAdapter {

    static final Map.Entry<String, String> JSON_CONTENT = Map.entry("Content-Type", "application/json");

    private final ChannelType type;
    private final String defaultEndpoint;

    JsonBodyAdapter(ChannelType type, String defaultEndpoint) {
        this.type = type;
        this.defaultEndpoint = defaultEndpoint;
    }

    /** Headers that carry the real key (and any fixed version header). */
    abstract List<Map.Entry<String, String>> authHeaders(String realKey);

    /** The validation request body for {@code quotedModel}, a JSON string literal. */
    abstract String probeBody(String quotedModel);

    @Override
    public final ChannelType type() {
        return type;
    }

    @Override
    public final String defaultValidationEndpoint() {
        return defaultEndpoint;
    }

    @Override
    public final boolean isStream(ClientRequest r) {
        return StreamDetection.requested(r);
    }

    @Override
    public final String requestedModel(ClientRequest r, byte[] body) {
        return JsonFields.topLevelString(body, "model").orElse("");
    }

    @Override
    public final UpstreamCall prepare(String upstreamBase, ClientRequest r, byte[] body, String realKey, ModelRedirect redirect) {
        byte[] sent = JsonModelRedirect.apply(body, redirect);
        return new UpstreamCall(UpstreamUrl.of(upstreamBase, r.path(), r.rawQuery()), authHeaders(realKey), sent);
    }

    @Override
    public final UpstreamCall validationProbe(String upstreamBase, String validationEndpoint, String testModel, String realKey) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(JSON_CONTENT);
        headers.addAll(authHeaders(realKey));
        String endpoint = validationEndpoint.isBlank() ? defaultEndpoint : validationEndpoint.strip();
        byte[] body = probeBody(JsonStrings.quote(testModel)).getBytes(StandardCharsets.UTF_8);
        return new UpstreamCall(UpstreamUrl.ofEndpoint(upstreamBase, endpoint), headers, body);
    }

    @Override
    public final byte[] rewriteModelList(byte[] body, String rawQuery, ModelRedirect redirect) {
        if (!redirect.active()) {
            return body;
        }
        return JsonTrees.write(OpenAiShapedModelList.rewrite(JsonTrees.parseObject(body), redirect,
                type == ChannelType.ANTHROPIC));
    }
}
