package dev.agentic.agent;

import java.util.Locale;

/** How an episode ended: a closed set. */
public enum ExitStatus {
    SUBMITTED, STEP_LIMIT, TOKEN_LIMIT, COST_LIMIT, TIME_LIMIT, CONTEXT_LENGTH_EXCEEDED, FORMAT_ERRORS, MODEL_ERROR, SANDBOX_ERROR;

    /** The form used in trajectories and results, e.g. {@code step_limit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
