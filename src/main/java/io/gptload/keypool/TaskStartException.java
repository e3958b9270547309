package io.gptload.keypool;

/**
 * An async key task could not start: the one task slot is busy, or the input holds no keys.
 * gpt-load answers every such case 409 {@code TASK_IN_PROGRESS} with this message.
 */
public final class TaskStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskStartException(String message) {
        super(message, null, false, false);
    }
}
