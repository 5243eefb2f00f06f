package dev.agentic.trial;

import dev.agentic.agent.ExitStatus;
import dev.agentic.verify.Grade;

/**
 * The primary reason a trial did not succeed, derived without a model from how the episode ended
 * and what the grader said. The harness's own failures come first (they are never the agent's
 * fault), then broken tasks, then tampering, then limits that stopped the agent, then the grade.
 */
public final class FailureLabels {

    public static final String NONE = "none";
    public static final String INFRASTRUCTURE = "infrastructure";
    public static final String TASK_ERROR = "task_error";

    private FailureLabels() {}

    public static String primary(boolean infrastructure, ExitStatus exit, Grade grade) {
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
            return "tampering";
        }
        if (exit != null) {
            switch (exit) {
                case TIME_LIMIT -> {
                    return "agent_timeout";
                }
                case STEP_LIMIT, TOKEN_LIMIT, COST_LIMIT, CONTEXT_LENGTH_EXCEEDED, FORMAT_ERRORS -> {
                    return exit.label();
                }
                default -> { }
            }
        }
        if (grade == null) {
            return "unknown";
        }
        return switch (grade.outcome()) {
            case RESOLVED -> NONE;
            case TESTS_FAILED -> "tests_failed";
            case TEST_TIMEOUT -> "test_timeout";
            case PARSE_ERROR -> "parse_error";
            case PATCH_FAILED -> "patch_did_not_apply";
            case NO_CHANGE -> "no_change";
            case REWARD_MISSING -> "reward_missing";
            case TAMPERED -> "tampering";
            case TASK_ERROR -> TASK_ERROR;
            case VERIFIER_ERROR -> INFRASTRUCTURE;
        };
    }
}
