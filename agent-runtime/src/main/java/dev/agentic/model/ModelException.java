package dev.agentic.model;

/** A model call failed after its retries. */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean contextLengthExceeded;

    public ModelException(String message, boolean contextLengthExceeded, Throwable cause) {
        super(message, cause);
        this.contextLengthExceeded = contextLengthExceeded;
    }

    /** The request was refused because the conversation no longer fits the model's context window. */
    public boolean contextLengthExceeded() {
        return contextLengthExceeded;
    }
}
