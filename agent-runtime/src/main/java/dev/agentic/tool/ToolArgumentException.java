package dev.agentic.tool;

/** The model called a tool with arguments that do not fit it: a format error, not a failed action. */
public class ToolArgumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public ToolArgumentException(String message) {
        super(message);
    }
}
