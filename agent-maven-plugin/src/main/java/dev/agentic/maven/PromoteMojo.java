package dev.agentic.maven;

import dev.agentic.bench.BenchSpec;
import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.Promotion;
import dev.agentic.lineage.PromotionLog;
import dev.agentic.lineage.Variant;
import dev.agentic.task.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Picks the child that continues a generation: {@code ./mvnw agent:promote -Dagent.generation=exp-02}.
 * Among the children with results, the best by resolved rate (then cost, then time) is promoted if it
 * beats the parent with Holm-corrected significance and, when the suite has an expansion set, holds
 * up there: the expansion-set results it reads are those already measured on the same suite contents (a staged
 * suite's bench measures them once a child beats its parent; {@code -Dagent.taskSet=expansion} measures them by
 * hand, the parent's too). A child stopped at a stage its parent cleared is no candidate. Every decision, promotion or not, is appended with its evidence to
 * {@code <resultsDirectory>/promotions.jsonl}.
 */
@Mojo(name = "promote", requiresProject = true, threadSafe = true)
public class PromoteMojo extends AbstractVariantMojo {

    /** The parent whose children compete. */
    @Parameter(property = "agent.generation", required = true)
    private String generation;

    /** Confidence; the significance level is 1 − confidence after Holm's correction. */
    @Parameter(property = "agent.confidence", defaultValue = "0.95")
    private double confidence;

    /** Differences within this margin (0.05 = 5 points) never decide. */
    @Parameter(property = "agent.margin", defaultValue = "0.0")
    private double margin;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            return;
        }
        Lineage lineage = lineage(null);
        Variant parent = attempt(() -> lineage.get(generation));
        List<Variant> children = lineage.children(parent.id());
        if (children.isEmpty()) {
            throw new MojoExecutionException(parent.id() + " has no children declared in " + project.getFile());
        }
        RunResults parentResults = results(parent.id(), null);
        List<Promotion.Candidate> candidates = new ArrayList<>();
        for (Variant child : children) {
            RunResults childResults = attempt(() -> {
                try {
                    return RunResults.load(resultsOf(child.id()).toPath(), null, child.id());
                } catch (RunResults.MissingResultsException missing) {
                    return null;
                }
            });
            if (childResults == null) {
                getLog().info(child.id() + ": no results, not a candidate (run ./mvnw agent:bench -P" + child.id() + ")");
                continue;
            }
            String shortfall = Comparisons.stageShortfall(childResults.run(), parentResults.run());
            if (shortfall != null) {
                getLog().info(child.id() + ": not a candidate: " + shortfall);
                continue;
            }
            Comparison comparison = attempt(() -> Comparisons.compare(childResults, parentResults, confidence, margin,
                    Comparisons.DEFAULT_RESAMPLES));
            candidates.add(new Promotion.Candidate(child.id(), comparison, comparison.pBetter(),
                    childResults.meanCostUsd(), childResults.mean(t -> t.totalMs() / 1000.0)));
        }
        Path manifest = project.getBasedir().toPath().resolve(parentResults.run().suiteManifest());
        boolean expansionRequired = attempt(() -> !Suite.load(manifest, "agentic/base:bookworm").expansion().isEmpty());
        Promotion.Decision decision = attempt(() -> Promotion.decide(parent.id(), candidates, 1 - confidence, expansionRequired,
                child -> Comparisons.compare(expansionResults(child, parentResults.run().suiteHash()),
                        expansionResults(parent.id(), parentResults.run().suiteHash()), confidence, margin, Comparisons.DEFAULT_RESAMPLES)));
        for (Promotion.Candidate c : decision.candidates()) {
            getLog().info(String.format(Locale.ROOT, "  %-12s resolved %5.1f %% (parent %5.1f %%), Δ %+5.1f pts, p = %.4f, Holm-adjusted %.4f, %s",
                    c.child(), 100 * c.comparison().childRate(), 100 * c.comparison().parentRate(), 100 * c.comparison().delta(),
                    c.comparison().pBetter(), c.adjustedP(), c.comparison().verdict()));
        }
        if (decision.promoted() != null) {
            getLog().info("promoted " + decision.promoted() + ": " + decision.reason());
        } else {
            getLog().info("no promotion: " + decision.reason());
        }
        record(decision);
    }

    /**
     * The latest expansion-set results of {@code variant} (measured by {@code agent:bench -Dagent.taskSet=expansion}, or
     * by a staged suite's bench once the variant beat its parent), reused only when they come from the suite contents of
     * the core results ({@code suiteHash}); else the message says what to re-measure.
     */
    private RunResults expansionResults(String variant, String suiteHash) {
        RunResults results = RunResults.load(resultsOf(variant).toPath(), null, variant, BenchSpec.EXPANSION);
        if (!results.run().suiteHash().equals(suiteHash)) {
            throw new IllegalArgumentException("the expansion-set results of " + variant + " (run " + results.run().runId() + " in "
                    + results.directory() + ") come from other suite contents (hash " + results.run().suiteHash() + ") than the core"
                    + " results (hash " + suiteHash + "): re-measure with ./mvnw agent:bench -P" + variant + " -Dagent.taskSet=expansion");
        }
        return results;
    }

    private void record(Promotion.Decision decision) throws MojoExecutionException {
        Path log = resultsDirectory.toPath().resolve(PromotionLog.FILE);
        attempt(() -> {
            PromotionLog.append(log, decision);
            return log;
        });
        getLog().info("recorded in " + log);
    }
}
