package dev.agentic.lineage;

import dev.agentic.bench.RunResults;
import dev.agentic.suite.Suite;
import dev.agentic.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One round of promotion for a generation: the children with results become candidates (a child stopped at a
 * stage its parent cleared does not), {@link Promotion} decides with the expansion-set results when the suite has
 * an expansion set, and the decision, promotion or not, is appended with its evidence to the promotion log.
 */
public final class PromotionRound {

    /** The image of tasks without an environment of their own, for reading the suite; it plays no part in the decision. */
    private static final String BASE_IMAGE = "agentic/base:bookworm";

    /**
     * What to decide.
     *
     * @param lineage the variants, declared or recorded
     * @param childrenSource where children were looked for, in words, for the message when the generation has none
     *     ({@code declared in /…/pom.xml})
     * @param generation the parent whose children compete
     * @param suiteBase the folder a relative suite manifest recorded in the parent's results is resolved against
     */
    public record Request(Lineage lineage, String childrenSource, String generation, ExperimentsFolder folder, Path suiteBase,
                          ComparisonSettings settings) {
        public Request {
            Objects.requireNonNull(lineage, "lineage");
            Objects.requireNonNull(generation, "generation");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(suiteBase, "suiteBase");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /** Why a child is no candidate. */
    public enum Exclusion {
        /** It has no results yet: its bench has not run. */
        NO_RESULTS,
        /** It stopped at a stage of a staged suite that its parent cleared. */
        STOPPED_AT_STAGE
    }

    /** A child that is no candidate, and why in words. */
    public record PassedOver(String child, Exclusion exclusion, String reason) {
        /** {@code exp-02-d: no results, not a candidate}. */
        public String line() {
            return exclusion == Exclusion.NO_RESULTS ? child + ": no results, not a candidate" : child + ": not a candidate: " + reason;
        }
    }

    /**
     * What was decided.
     *
     * @param passedOver the children that were no candidates, in declaration order
     * @param log the promotion log the decision was appended to
     */
    public record Outcome(Promotion.Decision decision, List<PassedOver> passedOver, Path log) {

        /** One line per candidate with its evidence, strongest first. */
        public List<String> evidence() {
            return decision.candidates().stream().map(c -> String.format(Locale.ROOT,
                    "  %-12s resolved %5.1f %% (parent %5.1f %%), Δ %+5.1f pts, p = %.4f, Holm-adjusted %.4f, %s",
                    c.child(), 100 * c.comparison().childRate(), 100 * c.comparison().parentRate(), 100 * c.comparison().delta(),
                    c.comparison().pBetter(), c.adjustedP(), c.comparison().verdict())).toList();
        }

        /** {@code promoted exp-02-b: …} or {@code no promotion: …}. */
        public String conclusion() {
            return decision.promoted() != null ? "promoted " + decision.promoted() + ": " + decision.reason()
                    : "no promotion: " + decision.reason();
        }
    }

    /**
     * Expansion-set results that were measured on other suite contents than the core results they would stand beside;
     * the variant's expansion set is to be measured again.
     */
    public static final class ExpansionMismatch extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String variant;

        ExpansionMismatch(String variant, String message) {
            super(message);
            this.variant = variant;
        }

        /** The variant whose expansion set is to be measured again. */
        public String variant() {
            return variant;
        }
    }

    private PromotionRound() {}

    /** Decides and records; broken or missing results of the generation, and a generation without children, are refused saying why. */
    public static Outcome run(Request request) {
        Lineage lineage = request.lineage();
        ExperimentsFolder folder = request.folder();
        ComparisonSettings settings = request.settings();
        Variant parent = lineage.get(request.generation());
        List<Variant> children = lineage.children(parent.id());
        if (children.isEmpty()) {
            throw new IllegalArgumentException(parent.id() + " has no children"
                    + (request.childrenSource() == null ? "" : " " + request.childrenSource()));
        }
        RunResults parentResults = folder.load(parent.id(), null);
        List<Promotion.Candidate> candidates = new ArrayList<>();
        List<PassedOver> passedOver = new ArrayList<>();
        for (Variant child : children) {
            RunResults childResults = folder.latest(child.id());
            if (childResults == null) {
                passedOver.add(new PassedOver(child.id(), Exclusion.NO_RESULTS, "no results"));
                continue;
            }
            String shortfall = Comparisons.stageShortfall(childResults.run(), parentResults.run());
            if (shortfall != null) {
                passedOver.add(new PassedOver(child.id(), Exclusion.STOPPED_AT_STAGE, shortfall));
                continue;
            }
            Comparison comparison = Comparisons.compare(childResults, parentResults, settings.confidence(), settings.margin(),
                    settings.resamples());
            candidates.add(new Promotion.Candidate(child.id(), comparison, comparison.pBetter(), childResults.meanCostUsd(),
                    childResults.mean(t -> t.timing().totalMs() / 1000.0)));
        }
        Path manifest = request.suiteBase().resolve(parentResults.run().suiteManifest());
        boolean expansionRequired = !Suite.load(manifest, BASE_IMAGE).expansion().isEmpty();
        String suiteHash = parentResults.run().suiteHash();
        Promotion.Decision decision = Promotion.decide(parent.id(), candidates, settings.alpha(), expansionRequired,
                child -> Comparisons.compare(expansionResults(folder, child, suiteHash), expansionResults(folder, parent.id(), suiteHash),
                        settings.confidence(), settings.margin(), settings.resamples()));
        PromotionLog.append(folder.promotionLog(), decision);
        return new Outcome(decision, passedOver, folder.promotionLog());
    }

    /**
     * The latest expansion-set results of {@code variant} (measured by a bench of the expansion set, or by a staged
     * suite's bench once the variant beat its parent), used only when they come from the suite contents of the core
     * results ({@code suiteHash}).
     */
    private static RunResults expansionResults(ExperimentsFolder folder, String variant, String suiteHash) {
        RunResults results = RunResults.load(folder.results(variant), null, variant, TaskSet.EXPANSION);
        if (!results.run().suiteHash().equals(suiteHash)) {
            throw new ExpansionMismatch(variant, "the expansion-set results of " + variant + " (run " + results.run().runId() + " in "
                    + results.directory() + ") come from other suite contents (hash " + results.run().suiteHash() + ") than the core"
                    + " results (hash " + suiteHash + "): re-measure the expansion set of " + variant + " (agentx bench --variant " + variant + " --task-set expansion)");
        }
        return results;
    }
}
