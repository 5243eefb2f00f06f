package dev.agentic.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.model.Cost;
import dev.agentic.task.Task;
import dev.agentic.verify.Grade;
import dev.agentic.verify.SweBenchReport;
import dev.agentic.verify.swebench.TestStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One finished trial: one line of {@code trials.jsonl}. Its parts are written side by side as one flat object
 * ({@code task}, {@code trial}, …, {@code resolved}, …, {@code infra_attempts}), fields that are null left out.
 *
 * @param subject which task and trial
 * @param score what the grade said and why it failed
 * @param agentRun how the agent's episode ended, and its trajectory
 * @param spend tokens and cost
 * @param timing durations and times
 * @param tries how many attempts it took, and why it is not graded when it is not
 */
public record TrialResult(int schema, @JsonUnwrapped Subject subject, @JsonUnwrapped Score score, @JsonUnwrapped AgentRun agentRun,
                          @JsonUnwrapped Spend spend, @JsonUnwrapped Timing timing, @JsonUnwrapped Tries tries) {

    public static final int SCHEMA = 1;

    public TrialResult {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(agentRun, "agentRun");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(tries, "tries");
    }

    /**
     * Which trial of which task.
     *
     * @param trial 1-based index of the trial of this task
     * @param difficulty the task's difficulty label, e.g. {@code medium}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String task, int trial, String format, String category, String difficulty) {

        /** The task and trial {@code trial} of it. */
        public static Subject of(Task task, int trial) {
            return new Subject(task.id(), trial, task.format(), task.category(), task.difficulty().label());
        }
    }

    /**
     * The grade of a trial, and the reason it failed.
     *
     * @param reward 1 or 0, or the reward a Harbor verifier wrote
     * @param failureLabel the primary reason it failed ({@code none} when resolved)
     * @param tests per-test statuses as parsed
     * @param sweResolution the SWE-bench resolution, for SWE-bench tasks; null otherwise
     * @param tags behaviour tags read from the trajectory ({@code dev.agentic.trial.TrialTags}); null in older results
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(boolean resolved, double reward, TrialOutcome outcome, FailureLabel failureLabel, Map<String, TestStatus> tests,
                        SweBenchReport.Resolution sweResolution, List<String> tags) {

        /** An ungraded trial: not resolved, no tests, no tags. */
        static Score ungraded(TrialOutcome outcome, FailureLabel label) {
            return new Score(false, 0, outcome, label, Map.of(), null, List.of());
        }
    }

    /**
     * How the agent's episode went.
     *
     * @param exitStatus how it ended ({@code submitted}, {@code step_limit}, …), or null when it never ran
     * @param exitDetail why it ended, in words, or null
     * @param trajectory the trajectory file, relative to the run folder, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentRun(ExitStatus exitStatus, String exitDetail, int steps, String trajectory) {}

    /**
     * What the trial's model calls used and cost.
     *
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
    public record Spend(long inputTokens, long outputTokens, Double costUsd, long cachedInputTokens, long cacheWriteTokens,
                        Double costUsdWithoutCaching, Boolean cachedPriceUnknown) {

        /** Nothing used, at no cost: a trial whose agent never ran. */
        public static final Spend NONE = new Spend(0, 0, 0.0, 0, 0, null, null);

        /** Input and output tokens together. */
        public long tokens() {
            return inputTokens + outputTokens;
        }

        /** The cost had every input token been billed at the full input price; null when the cost is unknown. */
        public Double costWithoutCaching() {
            return costUsdWithoutCaching != null ? costUsdWithoutCaching : costUsd;
        }
    }

    /**
     * How long the trial took and when.
     *
     * @param totalMs the trial's wall time; total minus agent and tests is the harness's own time
     * @param startedAt when it started (ISO-8601)
     * @param endedAt when it ended (ISO-8601)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timing(long agentMs, long testMs, long totalMs, String startedAt, String endedAt) {

        /** A trial that started at {@code started} and ends now, after {@code agentMs} of agent and {@code testMs} of tests. */
        static Timing since(Instant started, long agentMs, long testMs) {
            Instant now = Instant.now();
            return new Timing(agentMs, testMs, Duration.between(started, now).toMillis(), started.toString(), now.toString());
        }
    }

    /**
     * The attempts a trial took (each an {@link Attempt}), and why the one that counted is not graded when it is not.
     *
     * @param count attempts it took (more than 1 after infrastructure errors)
     * @param error why the trial was not graded: the last infrastructure error, or what is wrong with the task; null for a
     *              graded trial
     * @param retriedErrors the errors of earlier attempts that were retried (infrastructure errors, a lost Docker engine);
     *                      null when the first attempt counted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tries(@JsonProperty("infra_attempts") int count, @JsonProperty("infra_error") String error,
                        List<String> retriedErrors) {}

    /** A trial whose task cannot be attempted as it is ({@code error} says why). */
    public static TrialResult taskError(Task task, int trial, Instant started, int attempts, String error) {
        return new TrialResult(SCHEMA, Subject.of(task, trial), Score.ungraded(TrialOutcome.TASK_ERROR, FailureLabel.TASK_ERROR),
                new AgentRun(null, null, 0, null), Spend.NONE, Timing.since(started, 0, 0), new Tries(attempts, error, null));
    }

    /** A trial the harness failed ({@code error} says how); {@code trajectory} relative to the run folder. */
    public static TrialResult infrastructure(Task task, int trial, Instant started, int attempts, String error, String trajectory) {
        return new TrialResult(SCHEMA, Subject.of(task, trial), Score.ungraded(TrialOutcome.INFRASTRUCTURE, FailureLabel.INFRASTRUCTURE),
                new AgentRun(null, null, 0, trajectory), Spend.NONE, Timing.since(started, 0, 0),
                new Tries(attempts, error == null || error.isBlank() ? "(no error text)" : error, null));
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
        Map<String, TestStatus> tests = new LinkedHashMap<>(grade.tests());
        Score score = new Score(grade.resolved(), grade.reward(), TrialOutcome.of(grade.outcome()),
                FailureLabel.primary(false, episode.exitStatus(), grade), tests,
                grade.sweBench() == null ? null : grade.sweBench().resolution(), tags);
        Spend spend = new Spend(episode.usage().inputTokens(), episode.usage().outputTokens(), episode.costUsd(),
                episode.usage().cachedInputTokens(), episode.usage().cacheWriteTokens(), episode.cost().withoutCachingUsdOrNull(),
                episode.cost() instanceof Cost.Known known && known.cachedPriceUnknown() ? Boolean.TRUE : null);
        return new TrialResult(SCHEMA, Subject.of(task, trial), score,
                new AgentRun(episode.exitStatus(), episode.detail(), episode.steps(), trajectory), spend,
                Timing.since(started, graded.agentMs(), grade.durationMs()),
                new Tries(attempts, grade.outcome() == Grade.Outcome.TASK_ERROR ? grade.detail() : null, null));
    }

    /** Task and trial, e.g. {@code hello-world.2}. */
    public String key() {
        return subject.task() + "." + subject.trial();
    }

    /** The task's id. */
    public String task() {
        return subject.task();
    }

    /** The 1-based index of this trial of its task. */
    public int trial() {
        return subject.trial();
    }

    public boolean resolved() {
        return score.resolved();
    }

    /** The harness failed after its retries (or its verifier did): not the agent's result. */
    public boolean infrastructureFailure() {
        return score.outcome() != null && score.outcome().harnessFailure();
    }

    /** The task itself is broken (its environment does not build, its tests crash even without the agent): not the agent's result. */
    public boolean taskError() {
        return score.outcome() == TrialOutcome.TASK_ERROR;
    }

    /** Whether this trial says something about the agent: neither the harness nor the task failed. */
    public boolean graded() {
        return !infrastructureFailure() && !taskError();
    }

    /** Whether the cost of this trial is known (false for a model without a price). */
    public boolean costKnown() {
        return spend.costUsd() != null;
    }

    /** This result, with the errors of the attempts retried before it. */
    public TrialResult withRetriedErrors(List<String> errors) {
        return new TrialResult(schema, subject, score, agentRun, spend, timing,
                new Tries(tries.count(), tries.error(), errors.isEmpty() ? null : List.copyOf(errors)));
    }
}
