package dev.agentic.cli;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.ParentComparison;
import dev.agentic.report.MarkdownSummary;
import dev.agentic.report.Publication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx compare}: a child against its parent, reported only. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare a variant's results with its parent's: the per-task table, Δ with the interval of the verdict's paired "
            + "t-test, the one-sided p-values, the minimum detectable effect, the verdict, the bootstrap interval and sign test as "
            + "diagnostics, the differences in tokens, cost and time, and the failure modes. "
            + "Reports only (exit code 0); agentx gate is the command that fails. The Maven goal agent:compare does the same for the "
            + "active profile.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "<folder>", description = "the child's results folder (e.g. experiments/exp-02-c/results)")
    Path results;

    @Option(names = "--parent", required = true, paramLabel = "<folder>", description = "the parent's results folder (e.g. experiments/exp-02/results)")
    Path parent;

    @Option(names = "--run-id", paramLabel = "<id>", description = "the child's run (default: its latest)")
    String runId;

    @Option(names = "--parent-run-id", paramLabel = "<id>", description = "the parent's run (default: its latest)")
    String parentRunId;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Option(names = "--markdown", paramLabel = "<file>", description = "also write the comparison as Markdown (for a pull-request comment)")
    Path markdown;

    @Override
    public Integer call() {
        RunResults child = RunResults.load(Inputs.resultsFolder("--results", results), runId, Inputs.variant(results));
        RunResults parentResults = RunResults.load(Inputs.resultsFolder("--parent", parent), parentRunId, Inputs.variant(parent));
        ParentComparison evidence = ParentComparison.of(child, parentResults, comparison.settings(Comparisons.DEFAULT_RESAMPLES));
        PrintWriter out = spec.commandLine().getOut();
        out.print(evidence.report());
        Publication.publish(MarkdownSummary.ofComparison(evidence.comparison(), evidence.failureModes()), markdown, System.getenv());
        if (markdown != null) {
            out.println("Markdown summary: " + markdown);
        }
        out.println(evidence.headline());
        out.flush();
        return 0;
    }
}
