package dev.agentic.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentic.task.TaskSet;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: what ran, so that results are only ever compared with results of the same
 * configuration and suite.
 *
 * @param config every setting in effect, paths inside settings relative to the root of the repository the results are in
 *     (absolute outside a repository)
 * @param configHash a hash of the effective settings; resuming a run with other settings is refused
 * @param model the model as in {@code config}
 * @param suiteManifest the suite's manifest, relative to the repository root like the paths in {@code config}
 * @param taskSet which of the suite's task sets ran ({@code core} or {@code expansion}); null in older results
 * @param status {@code running}, {@code finished}, {@code unhealthy}, or {@code capped} ({@link RunStatus})
 * @param stages the stages as they ran, when the suite declares stages; null otherwise
 * @param stoppedAt the stage whose pass rate fell below its threshold, where the variant stopped; null when none did
 * @param stopReason why it stopped there, as printed
 * @param estimate the tokens and cost the run was expected to use, worked out before it started
 * @param costCap the run's cost cap and what was spent, when it has one
 * @param expansion whether the expansion set ran after this core run, and why (staged suites)
 * @param adaptive the adaptive trials added after the first ones, when the run had them: the gate then judges the
 *     run by their sequential test
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(int schema, String runId, String variant, String parent, String hypothesis, Map<String, String> config,
                      String configHash, String model, String suite, String suiteManifest, String suiteHash, TaskSet taskSet, int tasks, int trials,
                      int concurrency, double timeoutMultiplier, String harnessVersion, String gitCommit, String host, String java,
                      String startedAt, String endedAt, RunStatus status, List<StageRecord> stages, String stoppedAt, String stopReason,
                      RunEstimate estimate, CostCap costCap, Expansion expansion, Adaptive adaptive) {

    /** The {@link #config()} entry naming the network task containers joined; absent when they had none. */
    public static final String CONTAINER_NETWORK = "container-network";

    /** How the wall time is recorded when no setting gave one: each task's own agent timeout, then {@code × <multiplier>}. */
    public static final String TASK_WALL_TIME = "each task's agent timeout";

    /** The config entry naming a place that is not isolated ({@code local}); absent for isolated places, which measure alike. */
    public static final String SANDBOX = "sandbox";

    /** Where the trials ran when that was not an isolated place ({@code local}); {@code isolated} otherwise. */
    public String sandbox() {
        return config == null ? "isolated" : config.getOrDefault(SANDBOX, "isolated");
    }

    /** The network task containers joined: {@code none} unless the run gave them one. */
    public String containerNetwork() {
        return config == null ? "none" : config.getOrDefault(CONTAINER_NETWORK, "none");
    }


    public static final int SCHEMA = 1;

    /**
     * One stage as it ran.
     *
     * @param trials the stage's finished trials; {@code graded} of them count (infrastructure failures and task errors do not)
     * @param passRate passed / graded, or null when the stage was not reached or not finished
     * @param outcome how it ended ({@link StageOutcome}: {@code cleared}, {@code stopped}, {@code not reached} or {@code unfinished})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageRecord(String name, List<String> tasks, int trials, int graded, int passed, Double passRate, double minPassRate,
                              StageOutcome outcome) {}

    /**
     * The cost cap of a run.
     *
     * @param spentUsd what the finished trials cost
     * @param reached whether the cap stopped the run before its last trial
     */
    public record CostCap(double maxUsd, double spentUsd, boolean reached, int trialsFinished, int trialsExpected) {}

    /**
     * Whether the expansion set ran after a core run of a staged suite.
     *
     * @param ran true when it ran (the variant was BETTER than its parent on the core tasks)
     * @param verdict the core comparison's verdict, or null when there was none to make
     * @param runId the expansion run's id, when it ran
     * @param reason one line: {@code expansion not run: verdict vs exp-02 is INCONCLUSIVE}, …
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expansion(boolean ran, String parent, String parentRun, String verdict, String runId, String reason) {}

    /**
     * Adaptive trials against the parent's results ({@link AdaptivePlan}, {@code dev.agentic.stats.SequentialTest}).
     *
     * @param parentRun the parent's run the trials were paired with
     * @param alpha the sequential design the rounds stopped by: one-sided α of worse and of better
     * @param beta its chance of stopping for futility at the effect
     * @param margin its margin
     * @param effect the difference it was designed to find
     * @param trialsAdded trials the rounds added in all, within {@code trialBudget}
     * @param stop why the rounds stopped, as printed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adaptive(String parentRun, double alpha, double beta, double margin, double effect, int trialBudget, int trialsAdded,
                           String stop) {}

    /** A run description without stages, estimate, cost cap, expansion or adaptive trials. */
    public RunInfo(int schema, String runId, String variant, String parent, String hypothesis, Map<String, String> config,
                   String configHash, String model, String suite, String suiteManifest, String suiteHash, TaskSet taskSet, int tasks, int trials,
                   int concurrency, double timeoutMultiplier, String harnessVersion, String gitCommit, String host, String java,
                   String startedAt, String endedAt, RunStatus status) {
        this(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks, trials,
                concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, null, null, null, null, null,
                null, null);
    }

    RunInfo finished(String endedAt, RunStatus finalStatus) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, finalStatus, stages, stoppedAt,
                stopReason, estimate, costCap, expansion, adaptive);
    }

    RunInfo withStages(List<StageRecord> newStages, String newStoppedAt, String newStopReason) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, newStages,
                newStoppedAt, newStopReason, estimate, costCap, expansion, adaptive);
    }

    RunInfo withEstimate(RunEstimate newEstimate) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, stages, stoppedAt,
                stopReason, newEstimate, costCap, expansion, adaptive);
    }

    RunInfo withCostCap(CostCap newCostCap) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, stages, stoppedAt,
                stopReason, estimate, newCostCap, expansion, adaptive);
    }

    RunInfo withSuiteManifest(String manifest) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, manifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, stages, stoppedAt,
                stopReason, estimate, costCap, expansion, adaptive);
    }

    RunInfo withExpansion(Expansion newExpansion) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, stages, stoppedAt,
                stopReason, estimate, costCap, newExpansion, adaptive);
    }

    RunInfo withAdaptive(Adaptive newAdaptive) {
        return new RunInfo(schema, runId, variant, parent, hypothesis, config, configHash, model, suite, suiteManifest, suiteHash, taskSet, tasks,
                trials, concurrency, timeoutMultiplier, harnessVersion, gitCommit, host, java, startedAt, endedAt, status, stages, stoppedAt,
                stopReason, estimate, costCap, expansion, newAdaptive);
    }

    /** The stage called {@code name} as this run ran it, or null. */
    public StageRecord stage(String name) {
        return stages == null ? null : stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
