package dev.agentic.sandbox;

/** Writing shell command lines safely. */
public final class Shell {

    private Shell() {}

    /** {@code text} as one single-quoted POSIX shell word. */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
