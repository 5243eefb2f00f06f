package dev.agentic.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a run stands, as {@code run.json} writes it ({@code status}). */
public enum RunStatus {
    /** Trials are running, or the run was stopped before it ended (it resumes under the same id). */
    RUNNING,
    /** Every trial ran and the run measured something. */
    FINISHED,
    /** Every trial ran, but too many were not graded for the run to say anything ({@code LATEST} was not moved). */
    UNHEALTHY,
    /** The cost cap stopped it; resumable with a higher cap. */
    CAPPED;

    /** The form in {@code run.json}, e.g. {@code finished}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The status written as {@code label}; any other text is refused, naming the statuses there are. */
    @JsonCreator
    public static RunStatus of(String label) {
        return dev.agentic.document.Labels.parse(values(), RunStatus::label, label, "run status");
    }
}
