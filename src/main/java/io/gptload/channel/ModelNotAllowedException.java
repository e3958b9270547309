package io.gptload.channel;

import java.util.Objects;

/** A strict model redirect rejected the requested model; the proxy answers 400 {@code BAD_REQUEST} with this message. */
public final class ModelNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String model;

    public ModelNotAllowedException(String model) {
        super("model '" + Objects.requireNonNull(model, "model") + "' is not configured in redirect rules", null, false, false);
        this.model = model;
    }

    /** The rejected model name. */
    public String model() {
        return model;
    }
}
