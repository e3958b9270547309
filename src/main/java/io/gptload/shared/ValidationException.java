package io.gptload.shared;

import java.util.List;
import java.util.Objects;

/**
 * Input that breaks a validation rule. Carries the offending {@link #field()}, a message id with
 * its arguments (so an edge can render the message in the caller's language) and an English
 * message that names the field.
 */
public final class ValidationException extends RuntimeException {

    private final String field;
    private final String messageId;
    private final List<String> args;

    /**
     * @param field     the offending field, e.g. {@code upstreams[1].url}
     * @param messageId stable id of the message template
     * @param args      template arguments; by convention the first one is the field
     * @param message   the English message
     */
    public ValidationException(String field, String messageId, List<String> args, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.args = List.copyOf(Objects.requireNonNull(args, "args"));
    }

    /** The offending field. */
    public String field() {
        return field;
    }

    /** Stable id of the message template. */
    public String messageId() {
        return messageId;
    }

    /** Arguments of the message template. */
    public List<String> args() {
        return args;
    }
}
