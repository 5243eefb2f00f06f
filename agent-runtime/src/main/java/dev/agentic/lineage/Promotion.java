package dev.agentic.lineage;

import dev.agentic.stats.Significance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Choosing the child that continues a generation. Candidates are the children with results; the
 * candidate is the best by aggregate score — resolved rate first, then lower mean cost (an unknown
 * cost after every known one), then lower mean time per trial. It is promoted only if it beats the parent: verdict BETTER and
 * a one-sided p-value for "better" (the verdict's: the paired t-test's, or the sequential test's for an adaptive run) that
 * stays below α after Holm's correction across all children compared, by the verdict's boundary ({@link Significance}). When the suite
 * has an expansion set, the candidate must also hold up there (not WORSE than the parent on it),
 * because the best of several children is biased upward by its selection.
 */
public final class Promotion {

    /** One child's evidence. */
    public record Candidate(String child, Comparison comparison, double adjustedP, Double meanCostUsd, double meanSeconds) {}

    /** The outcome: the promoted child, or none and why. */
    public record Decision(String generation, String promoted, String reason, List<Candidate> candidates, Comparison expansion) {}

    private Promotion() {}

    /**
     * @param expansion the best candidate's comparison with the parent on the expansion set; null when
     *     the suite has no expansion set
     * @param expansionRequired whether the suite has an expansion set
     */
    public static Decision decide(String generation, List<Candidate> unadjusted, double alpha, boolean expansionRequired,
                                  java.util.function.Function<String, Comparison> expansion) {
        if (unadjusted.isEmpty()) {
            return new Decision(generation, null, "no child of " + generation + " has results to compare", List.of(), null);
        }
        double[] adjusted = dev.agentic.stats.Holm.adjust(unadjusted.stream().mapToDouble(c -> c.comparison().pBetter()).toArray());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < unadjusted.size(); i++) {
            Candidate c = unadjusted.get(i);
            candidates.add(new Candidate(c.child(), c.comparison(), adjusted[i], c.meanCostUsd(), c.meanSeconds()));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.comparison().childRate())
                .thenComparing(Candidate::meanCostUsd, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingDouble(Candidate::meanSeconds));
        Candidate best = candidates.get(0);
        if (best.comparison().verdict() != Verdict.BETTER || !Significance.significant(best.adjustedP(), alpha)) {
            return new Decision(generation, null, String.format(java.util.Locale.ROOT,
                    "the best child, %s, does not beat %s: verdict %s, Holm-adjusted p = %.4f (needs BETTER and p < %.2f); %s stays",
                    best.child(), generation, best.comparison().verdict(), best.adjustedP(), alpha, generation), candidates, null);
        }
        if (expansionRequired) {
            Comparison onExpansion = expansion.apply(best.child());
            if (onExpansion.verdict() == Verdict.WORSE || onExpansion.delta() < 0) {
                return new Decision(generation, null, best.child() + " beat " + generation + " on the core tasks but not on the expansion set ("
                        + ComparisonReport.headline(onExpansion) + "); " + generation + " stays", candidates, onExpansion);
            }
            return new Decision(generation, best.child(), best.child() + " beats " + generation + " and holds up on the expansion set",
                    candidates, onExpansion);
        }
        return new Decision(generation, best.child(), best.child() + " beats " + generation + ": " + ComparisonReport.headline(best.comparison()),
                candidates, null);
    }
}
