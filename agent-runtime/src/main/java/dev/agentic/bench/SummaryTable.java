package dev.agentic.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-run table people read: resolved rate with its interval, breakdowns, means, where the files are. */
public final class SummaryTable {

    private SummaryTable() {}

    public static String render(Summary s, Path directory) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "variant %s on suite %s (%d tasks × %d trial%s, suite hash %s)%n", s.variant(), s.suite(),
                s.tasks(), s.trialsPerTask(), s.trialsPerTask() == 1 ? "" : "s", s.suiteHash()));
        int graded = s.trialsFinished() - s.infrastructureFailures() - s.taskErrors();
        out.append(String.format(Locale.ROOT, "  resolved         %d/%d  %.1f %%  (95 %% CI %.1f–%.1f)%s%n", s.resolved(), graded,
                100 * s.passRate(), 100 * s.intervalLow(), 100 * s.intervalHigh(),
                (s.infrastructureFailures() == 0 ? "" : "  · " + s.infrastructureFailures() + " infrastructure failure(s) not counted")
                        + (s.taskErrors() == 0 ? "" : "  · " + s.taskErrors() + " trial(s) of broken tasks not counted")));
        if (!s.passAtK().isEmpty()) {
            out.append("  pass@k           ").append(perK(s.passAtK())).append('\n');
        }
        if (s.passHatK() != null && !s.passHatK().isEmpty()) {
            out.append("  pass^k           ").append(perK(s.passHatK())).append('\n');
        }
        out.append("  by difficulty    ").append(groups(s.byDifficulty())).append('\n');
        out.append("  by category      ").append(groups(s.byCategory())).append('\n');
        out.append("  failure labels   ").append(s.failureLabels().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "))).append('\n');
        out.append(String.format(Locale.ROOT, "  mean per trial   %,.0f tokens in%s · %,.0f out · %s · agent %.1f s · tests %.1f s · total %.1f s%n",
                s.meanInputTokens(), cachedShare(s, "cached"), s.meanOutputTokens(), meanCost(s), s.meanAgentSeconds(), s.meanTestSeconds(),
                s.meanTrialSeconds()));
        out.append("  results          ").append(directory).append('\n');
        return out.toString();
    }

    /** Values for k = 1..K in words: {@code @1 80.0 % · @2 66.7 %}. */
    public static String perK(Map<Integer, Double> values) {
        return values.entrySet().stream().map(e -> String.format(Locale.ROOT, "@%d %.1f %%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    /** The share of input tokens read from a prompt cache in words, e.g. {@code " (62 % cached)"}; empty when none was. */
    public static String cachedShare(Summary s, String cached) {
        return s.cachedInputShare() > 0 ? String.format(Locale.ROOT, " (%.0f %% %s)", 100 * s.cachedInputShare(), cached) : "";
    }

    /**
     * The mean cost of a trial in words: {@code $0.0123}, with the cost without caching when caching
     * changed it ({@code $0.0123 ($0.0290 without caching)}), a note when cached tokens were billed
     * at the full input price, or {@code cost unknown} for a model without a price (never $0).
     */
    public static String meanCost(Summary s) {
        if (s.meanCostUsd() == null) {
            return "cost unknown (no price for the model)";
        }
        String text = String.format(Locale.ROOT, "$%.4f", s.meanCostUsd());
        Double without = s.meanCostUsdWithoutCaching();
        if (without != null && Math.abs(without - s.meanCostUsd()) > 5e-5) {
            text += String.format(Locale.ROOT, " ($%.4f without caching)", without);
        }
        return s.cachedPriceUnknown() ? text + " (cached input at the full input price: no cached price known)" : text;
    }

    private static String groups(Map<String, Summary.Group> groups) {
        return groups.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().resolved() + "/" + e.getValue().trials())
                .collect(Collectors.joining(" · "));
    }
}
