package dev.agentic.lineage;

import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunResults;
import java.nio.file.Path;

/**
 * Whether a variant's core run on a staged suite goes on to the suite's expansion set: only when its
 * comparison with its parent's latest core results ({@link Comparisons}, 95 % confidence, no margin) says
 * {@link Verdict#BETTER}. The expansion set is the re-measurement that promotion asks of a winner, so a
 * variant that has not beaten its parent does not spend trials on it.
 */
public final class ExpansionGate {

    /** Confidence of the comparison that decides. */
    public static final double CONFIDENCE = 0.95;

    private ExpansionGate() {}

    /**
     * @param child the variant's finished core run
     * @param parent the parent's id, or null for a variant without one
     * @param parentResults the parent's results folder, or null when not known
     * @param expansionRunId the run id the expansion set would run under
     */
    public static RunInfo.Expansion decide(RunResults child, String parent, Path parentResults, String expansionRunId) {
        if (parent == null) {
            return notRun(null, null, null, child.run().variant() + " has no parent to compare with");
        }
        if (child.run().stoppedAt() != null) {
            return notRun(parent, null, null, "the run stopped at stage " + child.run().stoppedAt());
        }
        if (parentResults == null) {
            return notRun(parent, null, null, "the results of " + parent + " were not given (--parent-results)");
        }
        RunResults parentRun;
        try {
            parentRun = RunResults.load(parentResults, null, parent);
        } catch (RunResults.MissingResultsException missing) {
            return notRun(parent, null, null, missing.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException broken) {
            return notRun(parent, null, null, "the results of " + parent + " cannot be read: " + broken.getMessage());
        }
        Comparison comparison;
        try {
            comparison = Comparisons.compare(child, parentRun, CONFIDENCE, 0, Comparisons.DEFAULT_RESAMPLES);
        } catch (IllegalArgumentException incomparable) {
            return notRun(parent, parentRun.run().runId(), null, incomparable.getMessage());
        }
        String verdict = comparison.verdict().name();
        if (comparison.verdict() != Verdict.BETTER) {
            return notRun(parent, parentRun.run().runId(), verdict, "verdict vs " + parent + " is " + verdict);
        }
        return new RunInfo.Expansion(true, parent, parentRun.run().runId(), verdict, expansionRunId,
                "expansion runs as " + expansionRunId + ": verdict vs " + parent + " is " + verdict + " (" + ComparisonReport.headline(comparison) + ")");
    }

    private static RunInfo.Expansion notRun(String parent, String parentRun, String verdict, String why) {
        return new RunInfo.Expansion(false, parent, parentRun, verdict, null, "expansion not run: " + why);
    }
}
