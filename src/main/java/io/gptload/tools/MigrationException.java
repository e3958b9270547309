package io.gptload.tools;

/**
 * A migration refused or failed. The message is shown to the operator as it is, so it never
 * contains a key value or an encryption key.
 */
public final class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal or failure described by {@code message}. */
    public MigrationException(String message) {
        super(message);
    }
}
