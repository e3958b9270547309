package io.gptload.channel;

import java.util.Objects;

/** The adapter for each channel type; adapters are stateless, so each is a single shared instance. */
public final class ChannelAdapters {

    private static final ChannelAdapter OPENAI = new OpenAiAdapter();
    private static final ChannelAdapter OPENAI_RESPONSE = new OpenAiResponseAdapter();
    private static final ChannelAdapter ANTHROPIC = new AnthropicAdapter();
    private static final ChannelAdapter GEMINI = new GeminiAdapter();

    private ChannelAdapters() {
    }

    /** The adapter speaking {@code type}. */
    public static ChannelAdapter of(ChannelType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case OPENAI -> OPENAI;
            case OPENAI_RESPONSE -> OPENAI_RESPONSE;
            case ANTHROPIC -> ANTHROPIC;
            case GEMINI -> GEMINI;
        };
    }
}
