package io.gptload.proxy;

/**
 * How one attempt ended, deciding in one place whether to retry, whether the key is penalised
 * and which status the client gets when it was the last attempt.
 */
public enum FailureKind {
    /** Connection refused, reset, DNS, TLS: another key and upstream may work. */
    TRANSPORT(true, true, 502, "UPSTREAM_ERROR"),
    /** No response headers within the timeout, or the total time ran out. */
    TIMEOUT(true, true, 504, "UPSTREAM_TIMEOUT"),
    /** The upstream answered with a status in {@code failover_status_codes}. */
    FAILOVER_STATUS(true, true, 0, "UPSTREAM_ERROR"),
    /** The client went away: stop, nothing to answer, the key is not at fault. */
    CLIENT_GONE(false, false, 499, "CLIENT_CLOSED_REQUEST");

    private final boolean retry;
    private final boolean penalise;
    private final int clientStatus;
    private final String code;

    FailureKind(boolean retry, boolean penalise, int clientStatus, String code) {
        this.retry = retry;
        this.penalise = penalise;
        this.clientStatus = clientStatus;
        this.code = code;
    }

    public boolean retry() {
        return retry;
    }

    public boolean penalise() {
        return penalise;
    }

    /** Status for the client after the last attempt; 0 means "the upstream's own". */
    public int clientStatus() {
        return clientStatus;
    }

    public String code() {
        return code;
    }
}
