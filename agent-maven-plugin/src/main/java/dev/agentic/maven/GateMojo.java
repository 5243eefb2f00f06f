package dev.agentic.maven;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.lineage.GateDecision;
import dev.agentic.lineage.GateRule;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Variant;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Fails the build when the active variant underperforms its parent, judged on the latest results of
 * both by the verdict's one paired test (see docs/methodology.md: the one-sided paired t-test on per-task
 * differences, or an adaptive run's sequential test), or when, on a staged suite, it stopped at a
 * stage its parent cleared (whatever the rule: the message names the stage). A verdict against the variant is a build
 * failure; missing results, an unknown parent or broken results files are build errors that say
 * what to run. Variants without a parent, and modules without a variant, pass. With {@code benchIfMissing}, a
 * variant without results is benched first, with the parameters {@code agent:bench} would be given.
 */
@Mojo(name = "gate", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true, threadSafe = true)
public class GateMojo extends AbstractVariantMojo {

    /** {@code regression}: fail when the child is worse beyond the margin; {@code no-improvement}: fail unless it is better. */
    @Parameter(property = "agent.failOn", defaultValue = "regression")
    private String failOn;

    /** 1 − α, α the one-sided level of "worse" and of "better"; Δ's interval is two-sided at 1 − 2α. */
    @Parameter(property = "agent.confidence", defaultValue = "0.95")
    private double confidence;

    /** Differences within this margin (in resolved-rate units: 0.05 = 5 points) never decide. */
    @Parameter(property = "agent.margin", defaultValue = "0.0")
    private double margin;

    /** Resamples of the bootstrap interval shown as a diagnostic (it does not decide). */
    @Parameter(property = "agent.resamples", defaultValue = "10000")
    private int resamples;

    /** Fail the build on a failing verdict; when false, only report it. */
    @Parameter(property = "agent.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** When a variant has no results yet, run its bench first (with the parameters of {@code agent:bench}) instead of failing. */
    @Parameter(property = "agent.benchIfMissing", defaultValue = "false")
    private boolean benchIfMissing;

    /** Also write the comparison as Markdown to this file (for a pull-request comment). */
    @Parameter(property = "agent.markdown")
    private File markdown;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Xpp3Dom dom = variantDom();
        if (skip || dom == null || VariantXml.documentationOnly(dom)) {
            getLog().debug("agent:gate: nothing to gate in " + project.getArtifactId());
            return;
        }
        GateRule rule = rule(failOn);
        ComparisonSettings settings = BuildErrors.comparison(confidence, margin, resamples);
        Variant child = declared(dom);
        Lineage lineage = lineage(child);
        if (child.parent() == null) {
            getLog().info("agent:gate: " + child.id() + " has no parent: nothing to compare it with");
            return;
        }
        Variant parent = attempt(() -> lineage.get(child.parent()));
        RunResults childResults = resultsOrBench(child, lineage);
        RunResults parentResults = resultsOrBench(parent, lineage);
        GateDecision decision = attempt(() -> GateDecision.judge(childResults, parentResults, rule, settings));
        decision.evidence().report().lines().forEach(getLog()::info);
        CompareMojo.publish(decision.evidence(), markdown, getLog(), runtimeOptions());
        String reason = decision.reason("failOn");
        if (!decision.fails()) {
            getLog().info("agent:gate passed (" + rule + "): " + reason);
            return;
        }
        if (haltOnFailure) {
            throw new MojoFailureException(reason);
        }
        getLog().warn("agent:gate failed, not halting (haltOnFailure=false): " + reason);
    }

    /** {@code -Dagent.failOn} as a rule; anything else is a build error listing the rules. */
    static GateRule rule(String failOn) throws MojoExecutionException {
        return BuildErrors.option("agent.failOn", () -> GateRule.parse(failOn));
    }

    private RunResults resultsOrBench(Variant variant, Lineage lineage) throws MojoExecutionException {
        try {
            return RunResults.load(resultsOf(variant.id()).toPath(), null, variant.id());
        } catch (RunResults.MissingResultsException missing) {
            if (!benchIfMissing) {
                throw new MojoExecutionException(runtimeOptions().translate(missing.getMessage())
                        + "; or let the gate do it: -Dagent.benchIfMissing=true");
            }
            getLog().info(variant.id() + " has no results yet: running its bench first");
            launcher().runBench(variant, lineage);
            return results(variant.id(), null);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException broken) {
            throw new MojoExecutionException(runtimeOptions().translate(broken.getMessage()));
        }
    }

    /** The bench launcher with the parameters {@code agent:bench} would be given in this build. */
    private BenchLauncher launcher() throws MojoExecutionException {
        BenchParameters parameters = BenchParameters.fromGoal(plugin.getMojo("bench"), new PluginParameterExpressionEvaluator(session, mojoExecution));
        return new BenchLauncher(parameters, resultsDirectory, project, plugin, getLog());
    }
}
