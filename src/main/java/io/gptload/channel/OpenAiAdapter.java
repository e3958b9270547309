package io.gptload.channel;

import java.util.List;
import java.util.Map;

/** OpenAI Chat Completions: {@code Authorization: Bearer}, probe on {@code /v1/chat/completions}. */
final class OpenAiAdapter extends JsonBodyAdapter {

    OpenAiAdapter() {
        super(ChannelType.OPENAI, "/v1/chat/completions");
    }

    @Override
    List<Map.Entry<String, String>> authHeaders(String realKey) {
        return List.of(bearer(realKey));
    }

    @Override
    String probeBody(String quotedModel) {
        return "{\"model\":" + quotedModel + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Override
    public byte[] errorBody(int status, String code, String message) {
        return ErrorShapes.openAi(status, code, message);
    }

    /** The {@code Authorization: Bearer <key>} header shared by every OpenAI-style endpoint. */
    static Map.Entry<String, String> bearer(String realKey) {
        return Map.entry("Authorization", "Bearer " + realKey);
    }
}
