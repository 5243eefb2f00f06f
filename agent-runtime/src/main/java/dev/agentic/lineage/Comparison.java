package dev.agentic.lineage;

import java.util.List;

/**
 * A child's results against its parent's on the tasks both ran.
 *
 * @param delta mean over tasks of (child rate − parent rate), in [−1, 1]
 * @param deltaLow lower end of Δ's interval from the verdict's test: Δ − t_{1−α}·SE, a one-sided 1 − α bound (so the
 *     interval is two-sided at 1 − 2α); NaN when there is none ({@link Judgement#notEstimable()})
 * @param deltaHigh upper end, likewise
 * @param confidence 1 − α, α the one-sided level of "worse" and of "better"
 * @param wins tasks where the child's rate is higher; {@code losses} lower; {@code ties} equal
 * @param pWorse the verdict's one-sided p-value for "the child is worse by more than the margin"
 * @param pBetter the verdict's one-sided p-value for "the child is better by more than the margin"
 * @param minimumDetectableEffect the smallest true |Δ| the verdict's rule detects with 80 % power at this design
 *     (tasks, trials, α, margin), with the planning values ω² = 0.05, σ² = 0.15
 * @param deltaCostUsd child's mean cost per trial minus the parent's; null when either is unknown (a model without a price)
 * @param judgement how the verdict was reached
 * @param diagnostics the bootstrap interval and the sign test, shown beside the verdict; they do not decide
 */
public record Comparison(String child, String parent, String childRun, String parentRun, String suiteHash, int tasks,
                         double childTrialsPerTask, double parentTrialsPerTask, double childRate, double parentRate,
                         double delta, double deltaLow, double deltaHigh, double confidence, double margin,
                         int wins, int losses, int ties, double pWorse, double pBetter, double minimumDetectableEffect,
                         Verdict verdict, double deltaTokens, Double deltaCostUsd, double deltaSeconds, List<TaskRow> rows,
                         Judgement judgement, Diagnostics diagnostics) {

    /** One task: the rates of both and their difference. */
    public record TaskRow(String task, double parentRate, double childRate, int parentTrials, int childTrials) {
        public double difference() {
            return childRate - parentRate;
        }
    }

    /** The test the verdict comes from. */
    public enum Method {
        /** The one-sided paired t-test on per-task differences ({@code dev.agentic.stats.PairedTTest}). */
        PAIRED_T_TEST,
        /** The anytime-valid sequential test of an adaptive run ({@code dev.agentic.stats.SequentialTest}). */
        SEQUENTIAL
    }

    /**
     * How the verdict was reached.
     *
     * @param standardError the task-clustered standard error of Δ, sd(d)/√n; NaN for a single task
     * @param notEstimable why Δ has no interval ({@code no task differs}, {@code one task}, {@code every task differs by
     *     the same amount}); null when it has one
     * @param observedMinimumDetectableEffect the minimum detectable effect at the observed spread of the differences
     *     (same rule, α, margin and power); NaN when there is no spread
     * @param sequential the sequential test of an adaptive run; null when the run was not adaptive
     */
    public record Judgement(Method method, double standardError, String notEstimable, double observedMinimumDetectableEffect,
                            Sequential sequential) {}

    /**
     * The sequential test of an adaptive run, on the pairs of trials in the order they ran.
     *
     * @param pairedWith the parent's run the adaptive trials were paired with when they ran
     */
    public record Sequential(int pairs, double pWorse, double pBetter, String pairedWith) {}

    /**
     * What is shown beside the verdict and does not decide it.
     *
     * @param bootstrapLow the percentile interval of Δ from resampling tasks, at the same 1 − 2α as Δ's interval
     * @param bootstrapSeed the seed of the resampling, so the interval can be reproduced
     * @param signPWorse the exact sign test's one-sided p-value for "worse" over the tasks that differ
     */
    public record Diagnostics(double bootstrapLow, double bootstrapHigh, int resamples, long bootstrapSeed, double signPWorse,
                              double signPBetter) {}

    /** The two-sided level of Δ's interval, 1 − 2α. */
    public double intervalLevel() {
        return 1 - 2 * (1 - confidence);
    }
}
