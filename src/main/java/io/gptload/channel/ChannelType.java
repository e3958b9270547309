package io.gptload.channel;

import java.util.Objects;
import java.util.Optional;

/** The four API formats a group can speak; {@link #id()} is the value stored in {@code groups.channel_type}. */
public enum ChannelType {
    OPENAI("openai"),
    OPENAI_RESPONSE("openai-response"),
    GEMINI("gemini"),
    ANTHROPIC("anthropic");

    private final String id;

    ChannelType(String id) {
        this.id = id;
    }

    /** The gpt-load identifier, e.g. {@code openai-response}. */
    public String id() {
        return id;
    }

    /** The type with exactly this identifier. */
    public static Optional<ChannelType> fromId(String id) {
        for (ChannelType t : values()) {
            if (t.id.equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The caller's format when no group can tell it (DECISIONS 19): {@code /v1beta/...} is Gemini,
     * {@code /v1/messages...} is Anthropic, anything else OpenAI.
     *
     * @param pathSuffix the request path after {@code /proxy/{group}}
     */
    public static ChannelType guessFromPath(String pathSuffix) {
        Objects.requireNonNull(pathSuffix, "pathSuffix");
        if (pathSuffix.equals("/v1beta") || pathSuffix.startsWith("/v1beta/")) {
            return GEMINI;
        }
        if (pathSuffix.startsWith("/v1/messages")) {
            return ANTHROPIC;
        }
        return OPENAI;
    }
}
