package dev.agentic.lineage;

import dev.agentic.stats.Significance;

/** What the evidence says about a child against its parent. */
public enum Verdict {
    /** The child resolves more than the parent by more than the margin: the verdict's p-value for "better" is below α. */
    BETTER,
    /** The child resolves less than the parent by more than the margin: the verdict's p-value for "worse" is below α. */
    WORSE,
    /** Neither: the difference is within noise or within the margin. */
    INCONCLUSIVE;

    /**
     * The rule, the one the gate, compare, promotion and the reports share: WORSE when the one-sided p-value for "worse
     * by more than the margin" is below α, BETTER when the one for "better" is, else INCONCLUSIVE. The p-values come from
     * the paired t-test, or from the sequential test for an adaptive run ({@link Comparisons}).
     */
    public static Verdict of(double pWorse, double pBetter, double alpha) {
        return Significance.significant(pWorse, alpha) ? WORSE : Significance.significant(pBetter, alpha) ? BETTER : INCONCLUSIVE;
    }
}
