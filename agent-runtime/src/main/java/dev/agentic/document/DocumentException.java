package dev.agentic.document;

/**
 * A file that cannot be used, as {@code <file>:<line>:<column>: <what is wrong and what was expected>};
 * {@code <file>: …} alone when there is no position (a missing file), {@code <file>:<line>: …} when only
 * the line is known.
 */
public final class DocumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /** {@code line} and {@code column} are 1-based, 0 when unknown. */
    public DocumentException(String source, int line, int column, String problem, Throwable cause) {
        super(where(source, line, column) + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public DocumentException(String source, int line, int column, String problem) {
        this(source, line, column, problem, null);
    }

    /** {@code file:line:column}, {@code file:line} or {@code file}, as far as the position is known. */
    public static String where(String source, int line, int column) {
        return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
