package io.gptload.channel;

import java.util.List;
import java.util.Map;

/** Anthropic Messages: {@code x-api-key} plus a fixed {@code anthropic-version}, probe on {@code /v1/messages}. */
final class AnthropicAdapter extends JsonBodyAdapter {

    /** The API version gpt-load always sends, overwriting the client's. */
    static final String API_VERSION = "2023-06-01";

    AnthropicAdapter() {
        super(ChannelType.ANTHROPIC, "/v1/messages");
    }

    @Override
    List<Map.Entry<String, String>> authHeaders(String realKey) {
        return List.of(Map.entry("x-api-key", realKey), Map.entry("anthropic-version", API_VERSION));
    }

    @Override
    String probeBody(String quotedModel) {
        return "{\"model\":" + quotedModel + ",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Override
    public byte[] errorBody(int status, String code, String message) {
        return ErrorShapes.anthropic(status, code, message);
    }
}
