package dev.agentic.model;

import dev.agentic.trajectory.Secrets;

/**
 * A model call failed after its retries. Its message and its cause carry no secret: a server may
 * echo the request's key in an error body, so both are redacted ({@link Secrets#standard()}).
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean contextLengthExceeded;

    public ModelException(String message, boolean contextLengthExceeded, Throwable cause) {
        super(Secrets.standard().redact(message), cause == null ? null : Secrets.standard().redactError(cause));
        this.contextLengthExceeded = contextLengthExceeded;
    }

    /** The request was refused because the conversation no longer fits the model's context window. */
    public boolean contextLengthExceeded() {
        return contextLengthExceeded;
    }
}
