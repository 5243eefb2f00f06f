package dev.agentic.lineage;

import dev.agentic.stats.Power;
import java.util.Locale;

/** Comparisons in words: the one-line verdict and the table behind it. */
public final class ComparisonReport {

    private ComparisonReport() {}

    /**
     * e.g. "exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %, Δ −84.0 pts (90 % CI −96.0 to −72.0), one-sided p &lt; 0.0001
     * over 25 tasks × 3 trials".
     */
    public static String headline(Comparison c) {
        String relation = switch (c.verdict()) {
            case WORSE -> "underperforms";
            case BETTER -> "outperforms";
            case INCONCLUSIVE -> "is not distinguishable from";
        };
        double p = c.verdict() == Verdict.BETTER ? c.pBetter() : c.delta() < 0 ? c.pWorse() : c.pBetter();
        String evidence = c.judgement().sequential() != null
                ? "sequential test over " + c.judgement().sequential().pairs() + " trial pairs of an adaptive run" : interval(c);
        return String.format(Locale.ROOT, "%s %s %s: resolved %.1f %% vs %.1f %%, Δ %+.1f pts (%s), one-sided %s over %d tasks × %s trials",
                c.child(), relation, c.parent(), 100 * c.childRate(), 100 * c.parentRate(), 100 * c.delta(), evidence, p(p), c.tasks(),
                trials(c.childTrialsPerTask()));
    }

    /** Δ's interval from the verdict's test, {@code 90 % CI −96.0 to −72.0}, or {@code not estimable: no task differs}. */
    public static String interval(Comparison c) {
        if (c.judgement().notEstimable() != null) {
            return "not estimable: " + c.judgement().notEstimable();
        }
        return String.format(Locale.ROOT, "%.0f %% CI %+.1f to %+.1f", 100 * c.intervalLevel(), 100 * c.deltaLow(), 100 * c.deltaHigh());
    }

    /**
     * The minimum detectable effect of the rule in use, by design and at the observed spread: {@code detectable with power 0.8:
     * 13.8 pts by design, 11.9 pts at the observed spread}.
     */
    public static String detectable(Comparison c) {
        return String.format(Locale.ROOT, "detectable with power %.1f: %s by design, %s at the observed spread", Power.POWER,
                effect(c.minimumDetectableEffect()), effect(c.judgement().observedMinimumDetectableEffect()));
    }

    public static String table(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s (run %s) vs %s (run %s), suite hash %s%n", c.child(), c.childRun(), c.parent(),
                c.parentRun(), c.suiteHash()));
        out.append(String.format(Locale.ROOT, "  %-34s %8s %8s %8s%n", "task", c.parent(), c.child(), "diff"));
        for (Comparison.TaskRow row : c.rows()) {
            out.append(String.format(Locale.ROOT, "  %-34s %7.0f%% %7.0f%% %+7.0f%s%n", row.task(), 100 * row.parentRate(),
                    100 * row.childRate(), 100 * row.difference(), row.difference() == 0 ? "" : "  ←"));
        }
        double alpha = 1 - c.confidence();
        boolean estimable = c.judgement().notEstimable() == null;
        out.append(String.format(Locale.ROOT, "  Δ %+.1f pts, %s (paired t-test over %d tasks%s)%n", 100 * c.delta(), interval(c), c.tasks(),
                estimable ? String.format(Locale.ROOT, ", task-clustered SE %s; each end a one-sided %.0f %% bound",
                        points(c.judgement().standardError()), 100 * c.confidence()) : ""));
        Comparison.Sequential sequential = c.judgement().sequential();
        if (sequential != null) {
            out.append(String.format(Locale.ROOT, "  adaptive run: the verdict is the sequential test's over %d trial pairs (paired with %s run %s);"
                    + " the interval above is the fixed-sample one, for reference%n", sequential.pairs(), c.parent(), sequential.pairedWith()));
        }
        out.append(String.format(Locale.ROOT, "  %sone-sided p-values: worse by more than the margin %s, better %s; α = %.2f each%n",
                sequential != null ? "sequential test, " : "", value(c.pWorse()), value(c.pBetter()), alpha));
        out.append(String.format(Locale.ROOT, "  %s (%d tasks × %s trials, planning ω² = %.2f, σ² = %.2f)%n", detectable(c), c.tasks(),
                trials(Math.min(c.childTrialsPerTask(), c.parentTrialsPerTask())), Power.PLANNING_OMEGA2, Power.PLANNING_SIGMA2));
        Comparison.Diagnostics d = c.diagnostics();
        out.append(String.format(Locale.ROOT, "  diagnostics: paired bootstrap %s (%,d resamples over tasks, seed %d); sign test, tasks child"
                        + " better %d · worse %d · same %d: p(worse) %s, p(better) %s%n", bootstrap(c), d.resamples(), d.bootstrapSeed(), c.wins(),
                c.losses(), c.ties(), value(d.signPWorse()), value(d.signPBetter())));
        out.append(String.format(Locale.ROOT, "  per trial: tokens %+,.0f · %s · time %+.1f s%n", c.deltaTokens(), costDelta(c), c.deltaSeconds()));
        out.append("  verdict ").append(c.verdict()).append(c.margin() > 0 ? String.format(Locale.ROOT, " (margin %.1f pts)", 100 * c.margin()) : "").append('\n');
        return out.toString();
    }

    /** The bootstrap's percentile interval, {@code 90 % CI −95.0 to −73.0}, or {@code not estimable: …} when the differences have no spread. */
    public static String bootstrap(Comparison c) {
        if (c.judgement().notEstimable() != null) {
            return "not estimable: " + c.judgement().notEstimable();
        }
        return String.format(Locale.ROOT, "%.0f %% CI %+.1f to %+.1f", 100 * c.intervalLevel(), 100 * c.diagnostics().bootstrapLow(),
                100 * c.diagnostics().bootstrapHigh());
    }

    /** {@code p = 0.0312}, or {@code p < 0.0001}. */
    public static String p(double p) {
        return p < 1e-4 ? "p < 0.0001" : "p = " + value(p);
    }

    /** {@code 0.0312}, or {@code < 0.0001}. */
    public static String value(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A detectable effect in points, or {@code not estimable} (a single task, no spread). */
    private static String effect(double share) {
        return Double.isNaN(share) ? "not estimable" : points(share);
    }

    /** {@code 13.8 pts}; {@code over 100 pts} for an effect no resolved rate can have (too few tasks to detect anything). */
    private static String points(double share) {
        return share > 1 ? "over 100 pts" : String.format(Locale.ROOT, "%.1f pts", 100 * share);
    }

    /** The failure-mode difference: labels and tags side by side, the sentence, the tasks that flipped. */
    public static String failureModes(Comparison c, FailureModes modes) {
        StringBuilder out = new StringBuilder("  failure modes: ").append(modes.sentence()).append('\n');
        out.append(String.format(Locale.ROOT, "  %-34s %8s %8s%n", "label / tag (trials)", c.parent(), c.child()));
        modes.labels().forEach((label, n) -> out.append(String.format(Locale.ROOT, "  %-34s %8d %8d%n", label, n[0], n[1])));
        modes.tags().forEach((tag, n) -> out.append(String.format(Locale.ROOT, "  %-34s %8d %8d%n", "#" + tag, n[0], n[1])));
        for (FailureModes.Flip flip : modes.flips()) {
            out.append(String.format(Locale.ROOT, "  flipped %-26s %3.0f%% → %3.0f%%  (%s → %s)%n", flip.task(), 100 * flip.parentRate(),
                    100 * flip.childRate(), flip.parentLabel(), flip.childLabel()));
        }
        return out.toString();
    }

    /** {@code cost $+0.0012}, or {@code cost n/a} when either side's cost is unknown (a model without a price). */
    public static String costDelta(Comparison c) {
        return c.deltaCostUsd() == null ? "cost n/a (a model without a known price)" : String.format(Locale.ROOT, "cost $%+.4f", c.deltaCostUsd());
    }

    private static String trials(double k) {
        return k == Math.rint(k) ? Integer.toString((int) k) : String.format(Locale.ROOT, "%.1f", k);
    }
}
