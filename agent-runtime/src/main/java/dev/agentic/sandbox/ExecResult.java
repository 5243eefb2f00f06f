package dev.agentic.sandbox;

import java.time.Duration;

/**
 * What one command did.
 *
 * @param exitCode the command's exit status (137 or similar when it was killed on timeout)
 * @param stdout standard output, cut in the middle with a marker when {@code truncated}
 * @param stderr standard error, likewise
 * @param duration wall time from start to the end of output
 * @param timedOut whether the timeout killed the command
 * @param truncated whether either stream exceeded the output cap
 */
public record ExecResult(
        int exitCode, String stdout, String stderr, Duration duration, boolean timedOut, boolean truncated) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
