package dev.agentic.testing;

import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.TrialOutcome;
import dev.agentic.trial.TrialResult;
import java.util.List;
import java.util.Map;

/**
 * Trial results as a bench stores them, for tests of what is computed from them: graded trials of a
 * terminal-bench task (submitted after 3 steps, 100 tokens in and 10 out for $0.001, 2 s in all), and
 * trials the harness failed or whose task is broken.
 */
public final class Trials {

    /** What a graded trial used: 100 tokens in, 10 out, $0.001, no prompt cache. */
    public static final TrialResult.Spend SPEND = new TrialResult.Spend(100, 10, 0.001, 0, 0, null, null);

    /** 1 s of agent, 0.5 s of tests, 2 s in all. */
    public static final TrialResult.Timing TIMING = new TrialResult.Timing(1000, 500, 2000, "s", "e");

    private Trials() {}

    /** Trial {@code trial} of {@code task}, resolved or with its tests failed. */
    public static TrialResult graded(String task, int trial, boolean resolved) {
        return graded(task, trial, resolved ? FailureLabel.NONE : FailureLabel.TESTS_FAILED, List.of());
    }

    /** Trial {@code trial} of {@code task}: resolved when {@code label} is {@code none}, else its tests failed for that reason. */
    public static TrialResult graded(String task, int trial, FailureLabel label, List<String> tags) {
        boolean resolved = label == FailureLabel.NONE;
        return new TrialResult(TrialResult.SCHEMA, subject(task, trial),
                new TrialResult.Score(resolved, resolved ? 1 : 0, resolved ? TrialOutcome.RESOLVED : TrialOutcome.TESTS_FAILED, label,
                        Map.of(), null, tags),
                new TrialResult.AgentRun(dev.agentic.agent.ExitStatus.SUBMITTED, null, 3, "trajectories/" + task + "." + trial + ".jsonl"), SPEND, TIMING,
                new TrialResult.Tries(1, null, null));
    }

    /** {@code result} with what it used and cost. */
    public static TrialResult spending(TrialResult result, TrialResult.Spend spend) {
        return new TrialResult(result.schema(), result.subject(), result.score(), result.agentRun(), spend, result.timing(), result.tries());
    }

    /** A trial the harness failed after {@code attempts} attempts with {@code error}. */
    public static TrialResult infrastructure(String task, int trial, int attempts, String error) {
        return ungraded(task, trial, TrialOutcome.INFRASTRUCTURE, FailureLabel.INFRASTRUCTURE, attempts, error);
    }

    /** A trial whose task is broken ({@code error} says how). */
    public static TrialResult taskError(String task, int trial, String error) {
        return ungraded(task, trial, TrialOutcome.TASK_ERROR, FailureLabel.TASK_ERROR, 1, error);
    }

    /** Trial {@code trial} of a terminal-bench task {@code task} of category {@code c}, easy. */
    public static TrialResult.Subject subject(String task, int trial) {
        return new TrialResult.Subject(task, trial, "terminal-bench", "c", "easy");
    }

    private static TrialResult ungraded(String task, int trial, TrialOutcome outcome, FailureLabel label, int attempts, String error) {
        return new TrialResult(TrialResult.SCHEMA, subject(task, trial), new TrialResult.Score(false, 0, outcome, label, Map.of(), null, List.of()),
                new TrialResult.AgentRun(null, null, 0, null), TrialResult.Spend.NONE, new TrialResult.Timing(0, 0, 0, "s", "e"),
                new TrialResult.Tries(attempts, error, null));
    }
}
