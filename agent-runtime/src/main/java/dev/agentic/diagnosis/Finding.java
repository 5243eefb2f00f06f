package dev.agentic.diagnosis;

/**
 * Something is wrong with the tooling or the environment.
 *
 * @param kind a stable name: command-not-found, permission-denied, repeated-failure, timeouts, sandbox-error,
 *     output-truncated, edit-mismatch
 * @param evidence what was seen
 * @param hint what the model should try
 */
public record Finding(String kind, String evidence, String hint) {

    /** The note the model reads. */
    public String message() {
        return "[self-diagnosis: " + kind + "] " + evidence + "\nHint: " + hint;
    }
}
