package io.gptload.admin;

/** A console page could not read its data; the error page shows a generic message, the log the cause. */
final class ConsoleDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConsoleDataException(String what, Throwable cause) {
        super(what + " failed: " + cause.getClass().getSimpleName(), cause);
    }
}
