package dev.agentic.maven;

import dev.agentic.lineage.ComparisonSettings;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.ExperimentsFolder;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.PromotionRound;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Picks the child that continues a generation: {@code ./mvnw agent:promote -Dagent.generation=exp-02}.
 * Among the children with results, the best by resolved rate (then cost, then time) is promoted if it
 * beats the parent with Holm-corrected significance and, when the suite has an expansion set, holds
 * up there: the expansion-set results it reads are those already measured on the same suite contents (a staged
 * suite's bench measures them once a child beats its parent; {@code -Dagent.taskSet=expansion} measures them by
 * hand, the parent's too). A child stopped at a stage its parent cleared is no candidate. Every decision, promotion
 * or not, is appended with its evidence to {@code <resultsDirectory>/promotions.jsonl}.
 */
@Mojo(name = "promote", requiresProject = true, threadSafe = true)
public class PromoteMojo extends AbstractVariantMojo {

    /** The parent whose children compete. */
    @Parameter(property = "agent.generation", required = true)
    private String generation;

    /** 1 − α: a child is promoted when its one-sided p-value for "better", after Holm's correction, is below α. */
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
        PromotionRound.Request request = request(lineage(null));
        PromotionRound.Outcome outcome = attempt(() -> PromotionRound.run(request));
        for (PromotionRound.PassedOver child : outcome.passedOver()) {
            getLog().info(child.line() + (child.exclusion() == PromotionRound.Exclusion.NO_RESULTS
                    ? " (run ./mvnw agent:bench -P" + child.child() + ")" : ""));
        }
        outcome.evidence().forEach(getLog()::info);
        getLog().info(outcome.conclusion());
        getLog().info("recorded in " + outcome.log());
    }

    /** What this goal asks of the runtime: the generation among the project's variants, with the module's results and suite. */
    PromotionRound.Request request(Lineage lineage) throws MojoExecutionException {
        ComparisonSettings settings = BuildErrors.comparison(confidence, margin, Comparisons.DEFAULT_RESAMPLES);
        return new PromotionRound.Request(lineage, "declared in " + project.getFile(), generation,
                new ExperimentsFolder(resultsDirectory.toPath()), project.getBasedir().toPath(), settings);
    }
}
