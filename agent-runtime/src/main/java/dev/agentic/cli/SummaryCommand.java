package dev.agentic.cli;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.FailureModes;
import dev.agentic.report.MarkdownSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx summary}: a run, or a child against its parent, as Markdown for a pull request or a CI step summary. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a Markdown summary of a variant's latest run, or, with --parent, of its comparison with its parent.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "<folder>", description = "the variant's results folder (e.g. experiments/exp-02-b/results)")
    Path results;

    @Option(names = "--parent", paramLabel = "<folder>", description = "the parent's results folder: summarise the comparison")
    Path parent;

    @Option(names = "--run-id", paramLabel = "<id>", description = "the run to summarise (default: the latest)")
    String runId;

    @Override
    public Integer call() {
        RunResults child = RunResults.load(Inputs.resultsFolder("--results", results), runId, Inputs.variant(results));
        String markdown;
        if (parent == null) {
            markdown = MarkdownSummary.ofRun(child.run(), child.summary().orElseThrow(() ->
                    new IllegalArgumentException(child.directory() + " has no summary.json: the run did not finish; rerun it with --run-id "
                            + child.run().runId())));
        } else {
            RunResults parentResults = RunResults.load(Inputs.resultsFolder("--parent", parent), null, Inputs.variant(parent));
            markdown = MarkdownSummary.ofComparison(Comparisons.compare(child, parentResults, 0.95, 0, Comparisons.DEFAULT_RESAMPLES),
                    FailureModes.compare(child.trials(), parentResults.trials()));
        }
        spec.commandLine().getOut().print(markdown);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
