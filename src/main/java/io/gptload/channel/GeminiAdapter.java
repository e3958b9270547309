package io.gptload.channel;

import io.gptload.shared.json.JsonFields;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gemini. Native paths carry the model in a {@code models/{model}:{method}} path segment and the
 * real key in the {@code key} query parameter; paths under {@code v1beta/openai} are Google's
 * OpenAI-compatible endpoints and behave like OpenAI (Bearer, JSON-body model, OpenAI-shaped list).
 *
 * <p>gpt-load re-encodes the whole query when it adds the key (so parameters come out sorted);
 * here the client's parameters keep their text and order and {@code key} is appended last.
 */
final class GeminiAdapter implements ChannelAdapter {

    private static final String STREAM_METHOD = ":streamGenerateContent";

    @Override
    public ChannelType type() {
        return ChannelType.GEMINI;
    }

    @Override
    public String defaultValidationEndpoint() {
        return "";
    }

    @Override
    public boolean isStream(ClientRequest r) {
        return r.path().endsWith(STREAM_METHOD) || StreamDetection.requested(r);
    }

    @Override
    public String requestedModel(ClientRequest r, byte[] body) {
        ModelSegment segment = ModelSegment.find(r.path());
        if (segment != null) {
            return segment.model();
        }
        return JsonFields.topLevelString(body, "model").orElse("");
    }

    @Override
    public UpstreamCall prepare(String upstreamBase, ClientRequest r, byte[] body, String realKey, ModelRedirect redirect) {
        if (openAiCompatible(r.path())) {
            return new UpstreamCall(UpstreamUrl.of(upstreamBase, r.path(), r.rawQuery()),
                    List.of(OpenAiAdapter.bearer(realKey)), JsonModelRedirect.apply(body, redirect));
        }
        String path = r.path();
        ModelSegment segment = redirect.active() ? ModelSegment.find(path) : null;
        if (segment != null) {
            path = redirect.targetOf(segment.model()).map(segment::replacedBy).orElse(path);
        }
        return new UpstreamCall(UpstreamUrl.of(upstreamBase, path, UpstreamUrl.withParam(r.rawQuery(), "key", realKey)),
                List.of(), body);
    }

    @Override
    public byte[] errorBody(int status, String code, String message) {
        return ErrorShapes.gemini(status, code, message);
    }

    /** Always {@code POST /v1beta/models/{testModel}:generateContent?key=K}; the group's endpoint is ignored. */
    @Override
    public UpstreamCall validationProbe(String upstreamBase, String validationEndpoint, String testModel, String realKey) {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
        return new UpstreamCall(
                UpstreamUrl.of(upstreamBase, "/v1beta/models/" + testModel + ":generateContent", UpstreamUrl.withParam("", "key", realKey)),
                List.of(JsonBodyAdapter.JSON_CONTENT), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] rewriteModelList(byte[] body, String rawQuery, ModelRedirect redirect) {
        if (!redirect.active()) {
            return body;
        }
        JsonObject root = JsonTrees.parseObject(body);
        JsonObject rewritten = root.containsKey("models")
                ? GeminiModelList.rewrite(root, redirect, isFirstPage(rawQuery))
                : OpenAiShapedModelList.rewrite(root, redirect);
        return JsonTrees.write(rewritten);
    }

    static boolean openAiCompatible(String path) {
        return path.contains("v1beta/openai");
    }

    private static boolean isFirstPage(String rawQuery) {
        String token = UpstreamUrl.firstParam(rawQuery, "pageToken");
        return token == null || token.isEmpty();
    }

    /** The {@code models/{model}[:method]} segment of a native path, split at its position. */
    private record ModelSegment(String path, int start, int end, String model) {

        /** The first segment after a {@code models} segment; null when there is none or its model part is empty. */
        static ModelSegment find(String path) {
            int from = 0;
            while (true) {
                int i = path.indexOf("/models/", from);
                if (i < 0) {
                    return null;
                }
                int start = i + "/models/".length();
                int end = path.indexOf('/', start);
                end = end < 0 ? path.length() : end;
                String segment = path.substring(start, end);
                int colon = segment.indexOf(':');
                String model = colon < 0 ? segment : segment.substring(0, colon);
                if (!model.isEmpty()) {
                    return new ModelSegment(path, start, start + model.length(), model);
                }
                from = start - 1;
            }
        }

        String replacedBy(String target) {
            return path.substring(0, start) + target + path.substring(end);
        }
    }
}
