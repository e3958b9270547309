package io.gptload.channel;

import java.util.List;
import java.util.Map;

/** OpenAI Responses API: like Chat Completions, but probed on {@code /v1/responses} with {@code "input"}. */
final class OpenAiResponseAdapter extends JsonBodyAdapter {

    OpenAiResponseAdapter() {
        super(ChannelType.OPENAI_RESPONSE, "/v1/responses");
    }

    @Override
    List<Map.Entry<String, String>> authHeaders(String realKey) {
        return List.of(OpenAiAdapter.bearer(realKey));
    }

    @Override
    String probeBody(String quotedModel) {
        return "{\"model\":" + quotedModel + ",\"input\":\"hi\"}";
    }

    @Override
    public byte[] errorBody(int status, String code, String message) {
        return ErrorShapes.openAi(status, code, message);
    }
}
