package dev.agentic.report;

import dev.agentic.bench.RunInfo;
import dev.agentic.bench.Summary;
import dev.agentic.bench.SummaryTable;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.ComparisonReport;
import dev.agentic.lineage.FailureModes;
import dev.agentic.trajectory.Secrets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A run or a comparison as GitHub-flavoured Markdown, secrets redacted ({@link Secrets#standard()}). */
public final class MarkdownSummary {

    private static final int MAX_FLIPS = 15;

    private MarkdownSummary() {}

    public static String ofRun(RunInfo run, Summary s) {
        StringBuilder md = new StringBuilder();
        int graded = s.trialsFinished() - s.infrastructureFailures() - s.taskErrors();
        md.append(String.format(Locale.ROOT, "### %s on %s: %d/%d resolved (%.1f %%, 95 %% CI %.1f–%.1f)%n%n", s.variant(), s.suite(),
                s.resolved(), graded, 100 * s.passRate(), 100 * s.intervalLow(), 100 * s.intervalHigh()));
        md.append("| | |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| design | %d tasks × %d trials (suite hash `%s`) |%n", s.tasks(), s.trialsPerTask(), s.suiteHash()));
        md.append("| model | `").append(run.model()).append("` |\n");
        if (!s.passAtK().isEmpty()) {
            md.append("| pass@k | ").append(SummaryTable.perK(s.passAtK())).append(" |\n");
        }
        if (s.passHatK() != null && !s.passHatK().isEmpty()) {
            md.append("| pass^k | ").append(SummaryTable.perK(s.passHatK())).append(" |\n");
        }
        md.append("| failure labels | ").append(counts(s.failureLabels())).append(" |\n");
        md.append("| by difficulty | ").append(groups(s.byDifficulty())).append(" |\n");
        md.append(String.format(Locale.ROOT, "| mean per trial | %,.0f tokens%s · %s · agent %.1f s · tests %.1f s |%n", s.meanInputTokens()
                + s.meanOutputTokens(), SummaryTable.cachedShare(s, "of input cached"), SummaryTable.meanCost(s),
                s.meanAgentSeconds(), s.meanTestSeconds()));
        if (s.infrastructureFailures() > 0) {
            md.append("| infrastructure failures | ").append(s.infrastructureFailures()).append(" (not counted) |\n");
        }
        if (s.taskErrors() > 0) {
            md.append("| trials of broken tasks | ").append(s.taskErrors()).append(" (not counted) |\n");
        }
        return Secrets.standard().redact(md.toString());
    }

    public static String ofComparison(Comparison c, FailureModes modes) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(c.verdict()).append(": ").append(ComparisonReport.headline(c)).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| Δ resolved | %+.1f pts (%s, paired t-test over tasks) |%n", 100 * c.delta(),
                ComparisonReport.interval(c)));
        if (c.judgement().sequential() != null) {
            md.append(String.format(Locale.ROOT, "| adaptive run | verdict from the sequential test over %d trial pairs |%n",
                    c.judgement().sequential().pairs()));
        }
        md.append(String.format(Locale.ROOT, "| one-sided p | worse %s · better %s (α = %.2f each) |%n", ComparisonReport.value(c.pWorse()),
                ComparisonReport.value(c.pBetter()), 1 - c.confidence()));
        md.append("| detectable | ").append(ComparisonReport.detectable(c)).append(" |\n");
        md.append(String.format(Locale.ROOT, "| diagnostics | bootstrap %s (seed %d); child better %d · worse %d · same %d, sign test"
                        + " p(worse) %s, p(better) %s |%n", ComparisonReport.bootstrap(c), c.diagnostics().bootstrapSeed(), c.wins(), c.losses(),
                c.ties(), ComparisonReport.value(c.diagnostics().signPWorse()), ComparisonReport.value(c.diagnostics().signPBetter())));
        md.append(String.format(Locale.ROOT, "| per trial | tokens %+,.0f · %s · time %+.1f s |%n", c.deltaTokens(),
                ComparisonReport.costDelta(c), c.deltaSeconds()));
        md.append("| failure modes | ").append(modes.sentence()).append(" |\n");
        if (!modes.flips().isEmpty()) {
            md.append("\n| task | ").append(c.parent()).append(" | ").append(c.child()).append(" | why |\n|---|---|---|---|\n");
            modes.flips().stream().limit(MAX_FLIPS).forEach(f -> md.append(String.format(Locale.ROOT, "| %s | %.0f %% | %.0f %% | %s → %s |%n",
                    f.task(), 100 * f.parentRate(), 100 * f.childRate(), f.parentLabel(), f.childLabel())));
            if (modes.flips().size() > MAX_FLIPS) {
                md.append("\n…and ").append(modes.flips().size() - MAX_FLIPS).append(" more tasks.\n");
            }
        }
        return Secrets.standard().redact(md.toString());
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(" · "));
    }

    private static String groups(Map<String, Summary.Group> groups) {
        return groups.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().resolved() + "/" + e.getValue().trials())
                .collect(Collectors.joining(" · "));
    }
}
