package dev.agentic.lineage;

import java.util.Locale;

/** Comparisons in words: the one-line verdict and the table behind it. */
public final class ComparisonReport {

    private ComparisonReport() {}

    /** e.g. "exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %, Δ −84.0 pts (95 % CI −96.0 to −72.0), p = 0.0000 over 25 tasks × 3 trials". */
    public static String headline(Comparison c) {
        String relation = switch (c.verdict()) {
            case WORSE -> "underperforms";
            case BETTER -> "outperforms";
            case INCONCLUSIVE -> "is not distinguishable from";
        };
        double p = c.verdict() == Verdict.BETTER ? c.pBetter() : c.delta() < 0 ? c.pWorse() : c.pBetter();
        return String.format(Locale.ROOT, "%s %s %s: resolved %.1f %% vs %.1f %%, Δ %+.1f pts (%.0f %% CI %+.1f to %+.1f), %s over %d tasks × %s trials",
                c.child(), relation, c.parent(), 100 * c.childRate(), 100 * c.parentRate(), 100 * c.delta(), 100 * c.confidence(),
                100 * c.deltaLow(), 100 * c.deltaHigh(), p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p), c.tasks(),
                trials(c.childTrialsPerTask()));
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
        out.append(String.format(Locale.ROOT, "  Δ %+.1f pts, %.0f %% CI %+.1f to %+.1f (paired bootstrap over tasks)%n", 100 * c.delta(),
                100 * c.confidence(), 100 * c.deltaLow(), 100 * c.deltaHigh()));
        out.append(String.format(Locale.ROOT, "  tasks child better %d · worse %d · same %d; sign test p(worse) = %.4f, p(better) = %.4f%n",
                c.wins(), c.losses(), c.ties(), c.pWorse(), c.pBetter()));
        out.append(String.format(Locale.ROOT, "  minimum detectable effect %.1f pts (%d tasks × %s trials, α = %.2f one-sided, power 0.8)%n",
                100 * c.minimumDetectableEffect(), c.tasks(), trials(Math.min(c.childTrialsPerTask(), c.parentTrialsPerTask())), 1 - c.confidence()));
        out.append(String.format(Locale.ROOT, "  per trial: tokens %+,.0f · %s · time %+.1f s%n", c.deltaTokens(), costDelta(c), c.deltaSeconds()));
        out.append("  verdict ").append(c.verdict()).append(c.margin() > 0 ? String.format(Locale.ROOT, " (margin %.1f pts)", 100 * c.margin()) : "").append('\n');
        return out.toString();
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
