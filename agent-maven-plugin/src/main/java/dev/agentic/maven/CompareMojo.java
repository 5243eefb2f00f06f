package dev.agentic.maven;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.ParentComparison;
import dev.agentic.lineage.Variant;
import dev.agentic.report.MarkdownSummary;
import dev.agentic.report.Publication;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Compares the active variant with its parent on their latest results: the per-task table, Δ with
 * the interval of the verdict's paired t-test, the one-sided p-values, the minimum detectable effect by
 * design and at the observed spread, the verdict, the bootstrap interval (with its seed) and the sign test
 * as diagnostics, and the differences in tokens, cost and time. Reports only; {@code agent:gate} is the goal
 * that fails builds.
 */
@Mojo(name = "compare", requiresProject = true, threadSafe = true)
public class CompareMojo extends AbstractVariantMojo {

    /** 1 − α, α the one-sided level of "worse" and of "better"; Δ's interval is two-sided at 1 − 2α. */
    @Parameter(property = "agent.confidence", defaultValue = "0.95")
    private double confidence;

    /** Differences within this margin (0.05 = 5 points) never decide. */
    @Parameter(property = "agent.margin", defaultValue = "0.0")
    private double margin;

    /** The child's run to compare (default: its latest). */
    @Parameter(property = "agent.runId")
    private String runId;

    /** The parent's run to compare (default: its latest). */
    @Parameter(property = "agent.parentRunId")
    private String parentRunId;

    /** Also write the comparison as Markdown to this file (for a pull-request comment). */
    @Parameter(property = "agent.markdown")
    private File markdown;

    @Override
    public void execute() throws MojoExecutionException {
        Xpp3Dom dom = variantDom();
        if (skip || dom == null || VariantXml.documentationOnly(dom)) {
            return;
        }
        ComparisonSettings settings = BuildErrors.comparison(confidence, margin, Comparisons.DEFAULT_RESAMPLES);
        Variant child = declared(dom);
        lineage(child); // refuses an unknown parent, a cycle or a duplicate id
        if (child.parent() == null) {
            getLog().info(child.id() + " has no parent: nothing to compare it with");
            return;
        }
        RunResults childResults = results(child.id(), runId);
        RunResults parentResults = results(child.parent(), parentRunId);
        ParentComparison evidence = attempt(() -> ParentComparison.of(childResults, parentResults, settings));
        evidence.report().lines().forEach(getLog()::info);
        publish(evidence, markdown, getLog(), runtimeOptions());
        getLog().info(evidence.headline());
    }

    /** The comparison as Markdown into {@code markdown} when set, and into the CI step summary when there is one. */
    static void publish(ParentComparison evidence, File markdown, Log log, RuntimeOptions options) throws MojoExecutionException {
        BuildErrors.attempt(options, () -> {
            Publication.publish(MarkdownSummary.ofComparison(evidence.comparison(), evidence.failureModes()),
                    markdown == null ? null : markdown.toPath(), System.getenv());
            return markdown;
        });
        if (markdown != null) {
            log.info("Markdown summary: " + markdown);
        }
    }
}
