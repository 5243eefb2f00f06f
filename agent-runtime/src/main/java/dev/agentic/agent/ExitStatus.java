package dev.agentic.agent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an episode ended: a closed set, written in trajectories and results as its {@link #label() label}. */
public enum ExitStatus {
    SUBMITTED, STEP_LIMIT, TOKEN_LIMIT, COST_LIMIT, TIME_LIMIT, CONTEXT_LENGTH_EXCEEDED, FORMAT_ERRORS, MODEL_ERROR, SANDBOX_ERROR;

    /** The form used in trajectories and results, e.g. {@code step_limit}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The exit status written as {@code label}; any other text is refused, naming the statuses there are. */
    @JsonCreator
    public static ExitStatus of(String label) {
        return dev.agentic.document.Labels.parse(values(), ExitStatus::label, label, "exit status");
    }
}
