package dev.agentic.maven;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.ComparisonReport;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.FailureModes;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import dev.agentic.report.MarkdownSummary;
import dev.agentic.lineage.Verdict;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Fails the build when the active variant underperforms its parent, judged on the latest results of
 * both with paired statistics (see docs/methodology.md), or when, on a staged suite, it stopped at a
 * stage its parent cleared (whatever the rule: the message names the stage). A verdict against the variant is a build
 * failure; missing results, an unknown parent or broken results files are build errors that say
 * what to run. Variants without a parent, and modules without a variant, pass.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true, threadSafe = true)
public class GateMojo extends AbstractBenchMojo {

    /** {@code regression}: fail when the child is worse beyond the margin; {@code no-improvement}: fail unless it is better. */
    @Parameter(property = "agent.failOn", defaultValue = "regression")
    private String failOn;

    /** Confidence of the interval; the tests' one-sided α is 1 − confidence. */
    @Parameter(property = "agent.confidence", defaultValue = "0.95")
    private double confidence;

    /** Differences within this margin (in resolved-rate units: 0.05 = 5 points) never decide. */
    @Parameter(property = "agent.margin", defaultValue = "0.0")
    private double margin;

    /** Bootstrap resamples. */
    @Parameter(property = "agent.resamples", defaultValue = "10000")
    private int resamples;

    /** Fail the build on a failing verdict; when false, only report it. */
    @Parameter(property = "agent.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** When a variant has no results yet, run its bench first instead of failing. */
    @Parameter(property = "agent.benchIfMissing", defaultValue = "false")
    private boolean benchIfMissing;

    /** Also write the comparison as Markdown to this file (for a pull-request comment). */
    @Parameter(property = "agent.markdown")
    private File markdown;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Xpp3Dom dom = variantDom();
        if (skip || dom == null || VariantXml.documentationOnly(dom)) {
            getLog().debug("agent:gate: nothing to gate in " + project.getArtifactId());
            return;
        }
        if (!failOn.equals("regression") && !failOn.equals("no-improvement")) {
            throw new MojoExecutionException("agent.failOn is '" + failOn + "'; expected regression or no-improvement");
        }
        if (confidence <= 0.5 || confidence >= 1) {
            throw new MojoExecutionException("agent.confidence is " + confidence + "; expected a number between 0.5 and 1, e.g. 0.95");
        }
        Variant child = declared(dom);
        Lineage lineage = lineage(child);
        if (child.parent() == null) {
            getLog().info("agent:gate: " + child.id() + " has no parent: nothing to compare it with");
            return;
        }
        Variant parent = attempt(() -> lineage.get(child.parent()));
        RunResults childResults = resultsOrBench(child, lineage);
        RunResults parentResults = resultsOrBench(parent, lineage);
        Comparison comparison = attempt(() -> Comparisons.compare(childResults, parentResults, confidence, margin, resamples));
        ComparisonReport.table(comparison).lines().forEach(getLog()::info);
        FailureModes modes = FailureModes.compare(childResults.trials(), parentResults.trials());
        ComparisonReport.failureModes(comparison, modes).lines().forEach(getLog()::info);
        publish(MarkdownSummary.ofComparison(comparison, modes), markdown);
        String shortfall = Comparisons.stageShortfall(childResults.run(), parentResults.run());
        boolean failing = shortfall != null
                || (failOn.equals("regression") ? comparison.verdict() == Verdict.WORSE : comparison.verdict() != Verdict.BETTER);
        String headline = ComparisonReport.headline(comparison);
        if (!failing) {
            getLog().info("agent:gate passed (" + failOn + "): " + headline);
            return;
        }
        String message = shortfall != null ? shortfall + "; on the tasks both ran: " + headline
                : headline + String.format(Locale.ROOT, "; rule failOn=%s, margin %.1f pts", failOn, 100 * margin);
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn("agent:gate failed, not halting (haltOnFailure=false): " + message);
    }

    private RunResults resultsOrBench(Variant variant, Lineage lineage) throws MojoExecutionException {
        try {
            return RunResults.load(resultsOf(variant.id()).toPath(), null, variant.id());
        } catch (RunResults.MissingResultsException missing) {
            if (!benchIfMissing) {
                throw new MojoExecutionException(missing.getMessage() + " (or let the gate do it: -Dagent.benchIfMissing=true)");
            }
            getLog().info(variant.id() + " has no results yet: running its bench first");
            runBench(variant, lineage);
            return results(variant.id(), null);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException broken) {
            throw new MojoExecutionException(broken.getMessage());
        }
    }
}
