package dev.agentic.trial;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.agentic.verify.Grade;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a trial ended, as written to results: the outcome of its {@link Grade} ({@code TASK_ERROR} when the task itself is
 * broken), or {@link #INFRASTRUCTURE} when the harness failed after its retries. Written by name, e.g. {@code TESTS_FAILED}.
 */
public enum TrialOutcome {
    RESOLVED,
    TESTS_FAILED,
    TEST_TIMEOUT,
    PARSE_ERROR,
    PATCH_FAILED,
    NO_CHANGE,
    REWARD_MISSING,
    TAMPERED,
    /** The task is broken, not the agent: left out of resolved rates. */
    TASK_ERROR,
    /** The verification itself broke; a trial whose verifier failed is recorded as {@link #INFRASTRUCTURE}, so only older results hold it. */
    VERIFIER_ERROR,
    /** The harness failed after its retries: the trial says nothing of the agent. */
    INFRASTRUCTURE;

    /** The trial outcome of a grade's outcome (the same name). */
    public static TrialOutcome of(Grade.Outcome outcome) {
        return valueOf(outcome.name());
    }

    /** The outcome written as {@code name}; any other text is refused, naming the outcomes there are. */
    @JsonCreator
    public static TrialOutcome named(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("trial outcome '" + name + "': expected one of "
                        + Arrays.stream(values()).map(TrialOutcome::name).collect(Collectors.joining(", "))));
    }

    /** The harness failed, not the agent or the task. */
    public boolean harnessFailure() {
        return this == INFRASTRUCTURE || this == VERIFIER_ERROR;
    }
}
