package io.gptload.keypool;

/** An async key task that cannot start: nothing to do, or another task holds the slot (409 TASK_IN_PROGRESS). */
public class TaskRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskRefusedException(String message) {
        super(message, null, false, false);
    }
}
