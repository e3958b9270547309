package io.gptload.requestlog;

/** The request-log store could not answer a query (database unavailable or failing). */
public final class RequestLogQueryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RequestLogQueryException(String what, Throwable cause) {
        super(what + " failed: " + cause.getClass().getSimpleName(), cause);
    }
}
