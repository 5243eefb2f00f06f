package dev.agentic.model;

import dev.agentic.trajectory.Secrets;

/**
 * A model call failed after its retries. Its message and its cause carry no secret: a server may
 * echo the request's key in an error body, so both are redacted ({@link Secrets#standard()}). It
 * keeps what the attempts that were answered used ({@link #usage()}, {@link #cost()}): those tokens
 * were billed even though no reply could be used.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean contextLengthExceeded;
    private final transient Usage usage;
    private final transient Cost cost;

    public ModelException(String message, boolean contextLengthExceeded, Throwable cause) {
        this(message, contextLengthExceeded, cause, Usage.ZERO, Cost.ZERO);
    }

    public ModelException(String message, boolean contextLengthExceeded, Throwable cause, Usage usage, Cost cost) {
        super(Secrets.standard().redact(message), cause == null ? null : Secrets.standard().redactError(cause));
        this.contextLengthExceeded = contextLengthExceeded;
        this.usage = usage;
        this.cost = cost;
    }

    /** The request was refused because the conversation no longer fits the model's context window. */
    public boolean contextLengthExceeded() {
        return contextLengthExceeded;
    }

    /** Tokens of the attempts the provider answered (with usage) before the call failed. */
    public Usage usage() {
        return usage == null ? Usage.ZERO : usage;
    }

    /** What those attempts cost. */
    public Cost cost() {
        return cost == null ? Cost.ZERO : cost;
    }
}
