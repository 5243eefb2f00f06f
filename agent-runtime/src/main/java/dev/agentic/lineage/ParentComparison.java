package dev.agentic.lineage;

import dev.agentic.bench.RunResults;

/**
 * A child's results against its parent's, with everything a reader is shown: the comparison (per-task table,
 * Δ with its interval, the verdict's p-values, the minimum detectable effect, the verdict, the diagnostics, token,
 * cost and time differences) and how the two fail differently.
 */
public record ParentComparison(Comparison comparison, FailureModes failureModes) {

    public static ParentComparison of(RunResults child, RunResults parent, ComparisonSettings settings) {
        Comparison comparison = Comparisons.compare(child, parent, settings.confidence(), settings.margin(), settings.resamples());
        return new ParentComparison(comparison, FailureModes.compare(child.trials(), parent.trials()));
    }

    /** The table and the failure modes, as lines of text. */
    public String report() {
        return ComparisonReport.table(comparison) + ComparisonReport.failureModes(comparison, failureModes);
    }

    /** The one-line verdict: {@code exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %, …}. */
    public String headline() {
        return ComparisonReport.headline(comparison);
    }
}
