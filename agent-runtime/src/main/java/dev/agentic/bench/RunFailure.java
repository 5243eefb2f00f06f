package dev.agentic.bench;

/**
 * A run that ends early, or ends without results to trust; finished trials are kept and the run
 * can be resumed. The message says why, what is kept and what to do.
 */
public final class RunFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the run stopped, with the command line's exit code for it. */
    public enum Cause {
        /** Ctrl-C, SIGTERM, or the end of the process that started the run. */
        INTERRUPTED(130),
        /** The Docker engine was lost and did not come back in time. */
        ENGINE_LOST(4),
        /** Too many trials ended as infrastructure failures or task errors for the run to mean anything. */
        UNHEALTHY(5),
        /** Another process writes the run. */
        LOCKED(6),
        /** The finished trials reached the run's cost cap: no new trial started; a higher cap resumes it. */
        COST_CAP(7),
        /** The harness itself failed (a results file could not be written, say). */
        HARNESS(1);

        private final int exitCode;

        Cause(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Cause cause;

    public RunFailure(Cause cause, String message) {
        super(message);
        this.cause = cause;
    }

    public Cause reason() {
        return cause;
    }
}
