package dev.agentic.trial;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.agentic.agent.ExitStatus;
import dev.agentic.verify.Grade;
import java.util.Locale;

/**
 * The primary reason a trial did not succeed, derived without a model from how the episode ended
 * and what the grader said. The harness's own failures come first (they are never the agent's
 * fault), then broken tasks, then tampering, then limits that stopped the agent, then the grade.
 * Written to results as its {@link #label() label}, e.g. {@code tests_failed}.
 */
public enum FailureLabel {
    /** Resolved: nothing failed. */
    NONE,
    /** The harness failed (after its retries), or the verifier did: not the agent's result. */
    INFRASTRUCTURE,
    /** The task itself is broken: not the agent's result. */
    TASK_ERROR,
    /** The agent changed the tests or the grader's files. */
    TAMPERING,
    /** The agent ran out of its wall time. */
    AGENT_TIMEOUT,
    STEP_LIMIT,
    TOKEN_LIMIT,
    COST_LIMIT,
    CONTEXT_LENGTH_EXCEEDED,
    FORMAT_ERRORS,
    TESTS_FAILED,
    TEST_TIMEOUT,
    PARSE_ERROR,
    PATCH_DID_NOT_APPLY,
    NO_CHANGE,
    REWARD_MISSING,
    /** Neither how the episode ended nor a grade says why. */
    UNKNOWN;

    /** The form in results and reports, e.g. {@code patch_did_not_apply}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }

    /** The failure label written as {@code label}; any other text is refused, naming the labels there are. */
    @JsonCreator
    public static FailureLabel of(String label) {
        return dev.agentic.document.Labels.parse(values(), FailureLabel::label, label, "failure label");
    }

    /** The primary label of a trial: {@code infrastructure} when the harness failed, else from how the episode ended and its grade. */
    public static FailureLabel primary(boolean infrastructure, ExitStatus exit, Grade grade) {
        if (infrastructure) {
            return INFRASTRUCTURE;
        }
        if (grade != null && grade.resolved()) {
            return NONE;
        }
        if (grade != null && grade.outcome() == Grade.Outcome.TASK_ERROR) {
            return TASK_ERROR;
        }
        if (grade != null && grade.outcome() == Grade.Outcome.TAMPERED) {
            return TAMPERING;
        }
        if (exit != null) {
            switch (exit) {
                case TIME_LIMIT -> {
                    return AGENT_TIMEOUT;
                }
                case STEP_LIMIT -> {
                    return STEP_LIMIT;
                }
                case TOKEN_LIMIT -> {
                    return TOKEN_LIMIT;
                }
                case COST_LIMIT -> {
                    return COST_LIMIT;
                }
                case CONTEXT_LENGTH_EXCEEDED -> {
                    return CONTEXT_LENGTH_EXCEEDED;
                }
                case FORMAT_ERRORS -> {
                    return FORMAT_ERRORS;
                }
                default -> { }
            }
        }
        if (grade == null) {
            return UNKNOWN;
        }
        return switch (grade.outcome()) {
            case RESOLVED -> NONE;
            case TESTS_FAILED -> TESTS_FAILED;
            case TEST_TIMEOUT -> TEST_TIMEOUT;
            case PARSE_ERROR -> PARSE_ERROR;
            case PATCH_FAILED -> PATCH_DID_NOT_APPLY;
            case NO_CHANGE -> NO_CHANGE;
            case REWARD_MISSING -> REWARD_MISSING;
            case TAMPERED -> TAMPERING;
            case TASK_ERROR -> TASK_ERROR;
            case VERIFIER_ERROR -> INFRASTRUCTURE;
        };
    }
}
