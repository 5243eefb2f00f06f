package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import java.util.Map;

/**
 * {@code summary.json}: the run so far in numbers. Infrastructure failures and task errors are
 * counted apart and left out of the pass rate: they are the harness's or the task's failures, not the agent's.
 *
 * @param taskErrors trials of broken tasks (see {@code TrialResult#taskError()}), left out of the pass rate like infrastructure failures
 * @param passRate resolved / (finished − infrastructure failures − task errors)
 * @param intervalLow lower end of the 95 % Wilson interval, with the sample size shrunk by the design effect of trials clustered by task
 * @param intervalHigh upper end
 * @param designEffect 1 + (k̄ − 1)·ICC ({@code dev.agentic.stats.Clustering}); k̄ when the ICC is undefined (every outcome the same)
 * @param passAtK unbiased pass@k averaged over tasks, for k = 1..K, when K > 1
 * @param passHatK pass^k (all of k trials pass) averaged over tasks, for k = 1..K, when K > 1; null in older summaries
 * @param meanCostUsd mean cost of a graded trial; null when a graded trial's cost is unknown (a model without a price)
 * @param totalCostUsd the same summed; null when unknown
 * @param cachedInputShare the share of graded trials' input tokens read from a prompt cache; 0 in older summaries
 * @param meanCostUsdWithoutCaching the mean cost had every input token been billed at the full input price; null when
 *                                  unknown, and in older summaries
 * @param totalCostUsdWithoutCaching the same summed
 * @param cachedPriceUnknown some cached or cache-written tokens were billed at the full input price for want of a cached price
 */
public record Summary(int schema, String runId, String variant, String suite, String suiteHash, int tasks, int trialsPerTask,
                      int trialsExpected, int trialsFinished, int resolved, int infrastructureFailures, int taskErrors, double passRate,
                      double intervalLow, double intervalHigh, double designEffect, Map<Integer, Double> passAtK, Map<Integer, Double> passHatK,
                      Map<String, Group> byCategory, Map<String, Group> byDifficulty, Map<String, Long> failureLabels,
                      double meanInputTokens, double meanOutputTokens, Double meanCostUsd, Double totalCostUsd,
                      double cachedInputShare, Double meanCostUsdWithoutCaching, Double totalCostUsdWithoutCaching,
                      boolean cachedPriceUnknown, double meanAgentSeconds, double meanTestSeconds, double meanTrialSeconds, String updatedAt) {

    public static final int SCHEMA = 1;

    /** Trials and resolved trials of one category or difficulty. */
    public record Group(int trials, int resolved, double passRate) {}
}
