package dev.agentic.lineage;

import java.util.List;

/**
 * A child's results against its parent's on the tasks both ran.
 *
 * @param delta mean over tasks of (child rate − parent rate), in [−1, 1]
 * @param deltaLow lower end of the paired bootstrap interval of {@code delta}
 * @param deltaHigh upper end
 * @param wins tasks where the child's rate is higher; {@code losses} lower; {@code ties} equal
 * @param pWorse one-sided exact sign-test p-value for "the child is worse"
 * @param pBetter one-sided p-value for "the child is better"
 * @param minimumDetectableEffect the smallest true Δ this design detects with 80 % power at the
 *     comparison's α (planning values ω² = 0.05, σ² = 0.15)
 * @param deltaCostUsd child's mean cost per trial minus the parent's; null when either is unknown (a model without a price)
 */
public record Comparison(String child, String parent, String childRun, String parentRun, String suiteHash, int tasks,
                         double childTrialsPerTask, double parentTrialsPerTask, double childRate, double parentRate,
                         double delta, double deltaLow, double deltaHigh, double confidence, double margin,
                         int wins, int losses, int ties, double pWorse, double pBetter, double minimumDetectableEffect,
                         Verdict verdict, double deltaTokens, Double deltaCostUsd, double deltaSeconds, List<TaskRow> rows) {

    /** One task: the rates of both and their difference. */
    public record TaskRow(String task, double parentRate, double childRate, int parentTrials, int childTrials) {
        public double difference() {
            return childRate - parentRate;
        }
    }
}
