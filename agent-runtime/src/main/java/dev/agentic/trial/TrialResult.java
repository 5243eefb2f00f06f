package dev.agentic.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.model.Cost;
import dev.agentic.task.Task;
import dev.agentic.verify.Grade;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished trial: one line of {@code trials.jsonl}.
 *
 * @param trial 1-based index of the trial of this task
 * @param outcome the grade's outcome ({@code TASK_ERROR} when the task itself is broken), or {@code INFRASTRUCTURE} when the
 *                harness failed after its retries
 * @param failureLabel the primary reason it failed ({@code none} when resolved)
 * @param exitStatus how the agent's episode ended, or null when it never ran
 * @param infraAttempts attempts it took (more than 1 after infrastructure errors)
 * @param infraError why the trial was not graded: the last infrastructure error, or what is wrong with the task; null
 *                   for a graded trial
 * @param trajectory the trajectory file, relative to the run folder
 * @param tags behaviour tags read from the trajectory ({@code dev.agentic.trial.TrialTags}); absent in older results
 * @param retriedErrors the errors of earlier attempts that were retried (infrastructure errors, a lost Docker engine);
 *                      absent when the first attempt counted
 * @param inputTokens all prompt tokens of the episode, cached and cache-written ones included ({@code dev.agentic.model.Usage})
 * @param costUsd what the model calls cost; null (left out of the file) when the model has no known price
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's prompt cache; 0 in older results
 * @param cacheWriteTokens the part of {@code inputTokens} written to the provider's prompt cache; 0 in older results
 * @param costUsdWithoutCaching the cost with every input token at the full input price; null when the cost is unknown,
 *                              and in older results (where it equals {@code costUsd})
 * @param cachedPriceUnknown true when cached or cache-written tokens were billed at the full input price for want of a
 *                           cached price; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(int schema, String task, int trial, String format, String category, String difficulty,
                          boolean resolved, double reward, String outcome, String failureLabel, String exitStatus, String exitDetail,
                          Map<String, String> tests, String sweResolution, int steps, long inputTokens, long outputTokens,
                          Double costUsd, long agentMs, long testMs, long totalMs, int infraAttempts, String infraError,
                          String trajectory, String startedAt, String endedAt, java.util.List<String> tags,
                          java.util.List<String> retriedErrors, long cachedInputTokens, long cacheWriteTokens,
                          Double costUsdWithoutCaching, Boolean cachedPriceUnknown) {

    public static final int SCHEMA = 1;

    /** The outcome of a trial the harness failed after its retries. */
    public static final String INFRASTRUCTURE = "INFRASTRUCTURE";

    /** A trial without use of a prompt cache and with a known cost, as results were before caching was counted. */
    public TrialResult(int schema, String task, int trial, String format, String category, String difficulty,
                       boolean resolved, double reward, String outcome, String failureLabel, String exitStatus, String exitDetail,
                       Map<String, String> tests, String sweResolution, int steps, long inputTokens, long outputTokens,
                       double costUsd, long agentMs, long testMs, long totalMs, int infraAttempts, String infraError,
                       String trajectory, String startedAt, String endedAt, java.util.List<String> tags,
                       java.util.List<String> retriedErrors) {
        this(schema, task, trial, format, category, difficulty, resolved, reward, outcome, failureLabel, exitStatus, exitDetail, tests,
                sweResolution, steps, inputTokens, outputTokens, (Double) costUsd, agentMs, testMs, totalMs, infraAttempts, infraError,
                trajectory, startedAt, endedAt, tags, retriedErrors, 0, 0, null, null);
    }

    /** A trial whose task cannot be attempted as it is ({@code error} says why). */
    public static TrialResult taskError(Task task, int trial, Instant started, int attempts, String error) {
        return new TrialResult(SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                false, 0, Grade.Outcome.TASK_ERROR.name(), FailureLabels.TASK_ERROR, null, null, Map.of(), null,
                0, 0, 0, 0, 0, 0, Duration.between(started, Instant.now()).toMillis(), attempts, error,
                null, started.toString(), Instant.now().toString(), List.of(), null);
    }

    /** A trial the harness failed ({@code error} says how); {@code trajectory} relative to the run folder. */
    public static TrialResult infrastructure(Task task, int trial, Instant started, int attempts, String error, String trajectory) {
        return new TrialResult(SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                false, 0, INFRASTRUCTURE, FailureLabels.INFRASTRUCTURE, null, null, Map.of(), null, 0, 0, 0, 0, 0, 0,
                Duration.between(started, Instant.now()).toMillis(), attempts, error == null || error.isBlank() ? "(no error text)" : error,
                trajectory, started.toString(), Instant.now().toString(), List.of(), null);
    }

    /**
     * The result of an attempt: graded, or (when the verifier failed) an infrastructure failure, or a
     * task error; {@code tags} are read from its trajectory.
     */
    public static TrialResult of(Task task, int trial, Instant started, int attempts, Attempt attempt, String trajectory,
                                 List<String> tags) {
        if (attempt instanceof Attempt.TaskBroken broken) {
            return taskError(task, trial, started, attempts, broken.error());
        }
        if (attempt instanceof Attempt.Infrastructure failed) {
            return infrastructure(task, trial, started, attempts, failed.error(), trajectory);
        }
        Attempt.Graded graded = (Attempt.Graded) attempt;
        Grade grade = graded.grade();
        if (grade.outcome() == Grade.Outcome.VERIFIER_ERROR) {
            return infrastructure(task, trial, started, attempts, "the verifier failed: "
                    + (grade.detail() == null ? "(no detail)" : grade.detail()), trajectory);
        }
        EpisodeResult episode = graded.episode();
        Map<String, String> tests = new LinkedHashMap<>();
        grade.tests().forEach((name, status) -> tests.put(name, status.name()));
        return new TrialResult(SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                grade.resolved(), grade.reward(), grade.outcome().name(),
                FailureLabels.primary(false, episode.exitStatus(), grade), episode.exitStatus().label(), episode.detail(),
                tests, grade.sweBench() == null ? null : grade.sweBench().resolution().name(), episode.steps(),
                episode.usage().inputTokens(), episode.usage().outputTokens(), episode.costUsd(), graded.agentMs(), grade.durationMs(),
                Duration.between(started, Instant.now()).toMillis(), attempts,
                grade.outcome() == Grade.Outcome.TASK_ERROR ? grade.detail() : null,
                trajectory, started.toString(), Instant.now().toString(), tags, null,
                episode.usage().cachedInputTokens(), episode.usage().cacheWriteTokens(), episode.cost().withoutCachingUsdOrNull(),
                episode.cost() instanceof Cost.Known known && known.cachedPriceUnknown() ? Boolean.TRUE : null);
    }

    /** Whether the cost of this trial is known (false for a model without a price). */
    public boolean costKnown() {
        return costUsd != null;
    }

    /** The cost had every input token been billed at the full input price; null when the cost is unknown. */
    public Double costWithoutCaching() {
        return costUsdWithoutCaching != null ? costUsdWithoutCaching : costUsd;
    }

    public boolean infrastructureFailure() {
        return INFRASTRUCTURE.equals(outcome);
    }

    /** The task itself is broken (its environment does not build, its tests crash even without the agent): not the agent's result. */
    public boolean taskError() {
        return "TASK_ERROR".equals(outcome);
    }

    /** Whether this trial says something about the agent: neither the harness nor the task failed. */
    public boolean graded() {
        return !infrastructureFailure() && !taskError();
    }

    /** This result, with the errors of the attempts retried before it. */
    public TrialResult withRetriedErrors(java.util.List<String> errors) {
        return new TrialResult(schema, task, trial, format, category, difficulty, resolved, reward, outcome, failureLabel, exitStatus,
                exitDetail, tests, sweResolution, steps, inputTokens, outputTokens, costUsd, agentMs, testMs, totalMs, infraAttempts,
                infraError, trajectory, startedAt, endedAt, tags, errors.isEmpty() ? null : java.util.List.copyOf(errors), cachedInputTokens,
                cacheWriteTokens, costUsdWithoutCaching, cachedPriceUnknown);
    }

    /** Task and trial, e.g. {@code hello-world.2}. */
    public String key() {
        return task + "." + trial;
    }
}
