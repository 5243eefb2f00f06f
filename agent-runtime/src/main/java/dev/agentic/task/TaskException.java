package dev.agentic.task;

/** A task cannot be used: a file or field is missing or wrong, or its environment cannot be built. */
public class TaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskException(String message) {
        super(message);
    }

    public TaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
