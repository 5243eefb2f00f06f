package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to run.
 *
 * @param runId names the run folder; running the same id again resumes it
 * @param variantId the variant being measured
 * @param parentId its parent, or null
 * @param hypothesis what the variant is meant to show, or ""
 * @param settings the variant's effective agent settings ({@code AgentConfig.with} form), model included
 * @param suite the suite manifest
 * @param include task-id globs to keep (all when empty)
 * @param exclude task-id globs to leave out
 * @param trials trials per task
 * @param concurrency trials running at once
 * @param timeoutMultiplier scales every task's agent and test timeout
 * @param infraRetries how often a trial is retried after an infrastructure error
 * @param resultsDirectory where runs go: {@code <resultsDirectory>/<runId>/}
 * @param baseImage image for tasks without an environment
 * @param taskSet the suite's tasks ({@code core}) or its expansion set ({@code expansion})
 * @param adaptiveParent the parent's results folder: after the first {@code trials}, add trials only to tasks whose
 *     comparison with the parent is still uncertain, until a sequential test decides; null for a fixed design
 * @param trialBudget how many trials adaptive rounds may add in all
 * @param allowInternetTasks run tasks that say they use the network, offline anyway (else they are refused)
 * @param engineWait how long a lost Docker engine is waited for before the run stops (resumable)
 * @param maxUngradedShare the share of trials that may end as infrastructure failures or task errors before the run
 *     counts as failed; a run where nothing was graded always fails
 * @param maxRunCostUsd the run's cost cap in USD: once the finished trials cost this much, no new trial starts (the run
 *     stops, resumable); 0 for none
 * @param prices a price table file extending the built-in one ({@code <model> = <USD per Mtok in>, <USD per Mtok out>}), or null
 * @param parentResults the parent's results folder, or null: the run's estimate uses its measured tokens, and on a staged
 *     suite the expansion set runs after the core only when the variant is BETTER than these results
 */
public record BenchSpec(String runId, String variantId, String parentId, String hypothesis, Map<String, String> settings,
                        Path suite, List<String> include, List<String> exclude, int trials, int concurrency,
                        double timeoutMultiplier, int infraRetries, Path resultsDirectory, String baseImage, TaskSet taskSet,
                        Path adaptiveParent, int trialBudget, boolean allowInternetTasks, java.time.Duration engineWait,
                        double maxUngradedShare, double maxRunCostUsd, Path prices, Path parentResults) {

    /** Defaults of the options a caller leaves out. */
    public static final java.time.Duration ENGINE_WAIT = java.time.Duration.ofMinutes(3);
    public static final double MAX_UNGRADED_SHARE = 0.2;

    public BenchSpec {
        if (runId == null || !runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("run id '" + runId + "' must be letters, digits, '.', '_' or '-'");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (timeoutMultiplier <= 0) {
            throw new IllegalArgumentException("timeout multiplier must be positive, got " + timeoutMultiplier);
        }
        if (taskSet == null) {
            throw new IllegalArgumentException("task set missing: expected core or expansion");
        }
        if (infraRetries < 0) {
            throw new IllegalArgumentException("infrastructure retries must not be negative, got " + infraRetries);
        }
        if (engineWait == null || engineWait.isNegative()) {
            throw new IllegalArgumentException("engine wait must be a duration of zero or more, got " + engineWait);
        }
        if (!(maxUngradedShare >= 0 && maxUngradedShare <= 1)) {
            throw new IllegalArgumentException("the share of ungraded trials allowed must be between 0 and 1, got " + maxUngradedShare);
        }
        if (!(maxRunCostUsd >= 0) || Double.isInfinite(maxRunCostUsd)) {
            throw new IllegalArgumentException("the run's cost cap must be a number of USD, 0 or more (0: none), got " + maxRunCostUsd);
        }
        settings = Map.copyOf(settings);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public Path runDirectory() {
        return resultsDirectory.resolve(runId);
    }

    /** The run id of the expansion set measured after this core run: {@code <runId>-expansion}. */
    public String expansionRunId() {
        return runId + "-" + TaskSet.EXPANSION.label();
    }

    /** This run's continuation on the expansion set: its own run id, a fixed design, {@code costCapUsd} as its cap. */
    public BenchSpec expansion(double costCapUsd) {
        return new BenchSpec(expansionRunId(), variantId, parentId, hypothesis, settings, suite, include, exclude, trials, concurrency,
                timeoutMultiplier, infraRetries, resultsDirectory, baseImage, TaskSet.EXPANSION, null, trialBudget, allowInternetTasks, engineWait,
                maxUngradedShare, costCapUsd, prices, parentResults);
    }
}
