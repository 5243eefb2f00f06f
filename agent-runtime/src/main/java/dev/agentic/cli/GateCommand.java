package dev.agentic.cli;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.GateDecision;
import dev.agentic.lineage.GateRule;
import dev.agentic.report.MarkdownSummary;
import dev.agentic.report.Publication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx gate}: exit code 1 when a child underperforms its parent by the rule. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Judge a variant's latest results against its parent's with paired statistics and fail (exit code 1, with the reason) "
            + "when the rule says the variant underperforms: regression fails when it is WORSE, no-improvement unless it is BETTER. "
            + "On a staged suite a variant that stopped at a stage its parent cleared fails whatever the rule. Both must have "
            + "results: run agentx bench first. The Maven goal agent:gate does the same for the active profile, in verify.")
final class GateCommand implements Callable<Integer> {

    /** The exit code of a variant that fails the gate. */
    static final int FAILS = 1;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "<folder>", description = "the child's results folder (e.g. experiments/exp-02-c/results)")
    Path results;

    @Option(names = "--parent", required = true, paramLabel = "<folder>", description = "the parent's results folder (e.g. experiments/exp-02/results)")
    Path parent;

    @Option(names = "--fail-on", paramLabel = "<rule>", converter = ComparisonOptions.Rule.class,
            description = "regression: fail when the child is WORSE; no-improvement: fail unless it is BETTER (default: ${DEFAULT-VALUE})")
    GateRule rule = GateRule.REGRESSION;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Option(names = "--resamples", paramLabel = "<N>", converter = ComparisonOptions.Resamples.class,
            description = "resamples of the bootstrap interval shown as a diagnostic (default: ${DEFAULT-VALUE})")
    int resamples = Comparisons.DEFAULT_RESAMPLES;

    @Option(names = "--halt-on-failure", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "exit with code 1 when the variant fails the gate; --no-halt-on-failure only reports it (default: true)")
    boolean haltOnFailure = true;

    @Option(names = "--markdown", paramLabel = "<file>", description = "also write the comparison as Markdown (for a pull-request comment)")
    Path markdown;

    @Override
    public Integer call() {
        RunResults child = RunResults.load(Inputs.resultsFolder("--results", results), null, Inputs.variant(results));
        RunResults parentResults = RunResults.load(Inputs.resultsFolder("--parent", parent), null, Inputs.variant(parent));
        GateDecision decision = GateDecision.judge(child, parentResults, rule, comparison.settings(resamples));
        PrintWriter out = spec.commandLine().getOut();
        out.print(decision.evidence().report());
        Publication.publish(MarkdownSummary.ofComparison(decision.evidence().comparison(), decision.evidence().failureModes()), markdown,
                System.getenv());
        if (markdown != null) {
            out.println("Markdown summary: " + markdown);
        }
        String reason = decision.reason("--fail-on");
        if (!decision.fails()) {
            out.println("gate passed (" + rule + "): " + reason);
            out.flush();
            return 0;
        }
        if (!haltOnFailure) {
            out.println("gate failed, not halting (--no-halt-on-failure): " + reason);
            out.flush();
            return 0;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("agentx: gate failed: " + reason);
        err.flush();
        return FAILS;
    }
}
