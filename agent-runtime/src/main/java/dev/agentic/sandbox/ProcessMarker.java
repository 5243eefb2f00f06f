package dev.agentic.sandbox;

import java.util.UUID;

/**
 * An environment variable set on every command a sandbox runs. Child processes inherit it, even
 * after they detach into their own session, so all processes of a command can be found through
 * {@code /proc/<pid>/environ} and killed when the command times out.
 */
record ProcessMarker(String value) {

    static final String VARIABLE = "AGENTIC_EXEC_ID";

    static ProcessMarker next() {
        return new ProcessMarker(UUID.randomUUID().toString());
    }

    /** {@code NAME=value}, as it appears in {@code /proc/<pid>/environ}. */
    String assignment() {
        return VARIABLE + "=" + value;
    }

    /** A POSIX shell script that kills every process carrying this marker. */
    String killScript() {
        return "for p in /proc/[0-9]*; do "
                + "if grep -qzx '" + assignment() + "' \"$p/environ\" 2>/dev/null; then kill -9 \"${p#/proc/}\" 2>/dev/null; fi; "
                + "done; true";
    }
}
