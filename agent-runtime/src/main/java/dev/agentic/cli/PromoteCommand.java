package dev.agentic.cli;

import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.ExperimentsFolder;
import dev.agentic.lineage.PromotionRound;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx promote}: the child that continues a generation, with the evidence appended to the promotion log. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Pick the child that continues a generation: among the children with results under an experiments folder, the best by "
            + "resolved rate (then cost, then time) is promoted if it beats the parent with Holm-corrected significance and, when the "
            + "suite has an expansion set, holds up there. Every decision, promotion or not, is appended with its evidence to "
            + "<experiments>/promotions.jsonl; no promotion is not an error (exit code 0). The children are those the runs recorded "
            + "(a latest run.json naming the generation as parent). The Maven goal agent:promote does the same for the declared "
            + "variants.")
final class PromoteCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiments", paramLabel = "<folder>", description = "experiments folder: <folder>/<variant>/results (default: ${DEFAULT-VALUE});"
            + " a relative suite manifest in the results is read from here")
    Path experiments = Path.of("experiments");

    @Option(names = "--generation", required = true, paramLabel = "<id>", description = "the parent whose children compete")
    String generation;

    @Mixin
    ComparisonOptions comparison = new ComparisonOptions();

    @Override
    public Integer call() {
        ExperimentsFolder folder = new ExperimentsFolder(Inputs.folder("--experiments", experiments));
        PromotionRound.Outcome outcome = PromotionRound.run(new PromotionRound.Request(folder.recordedLineage(),
                "with results under " + experiments, generation, folder, experiments.toAbsolutePath(),
                comparison.settings(Comparisons.DEFAULT_RESAMPLES)));
        PrintWriter out = spec.commandLine().getOut();
        outcome.passedOver().forEach(p -> out.println(p.line()));
        outcome.evidence().forEach(out::println);
        out.println(outcome.conclusion());
        out.println("recorded in " + outcome.log());
        out.flush();
        return 0;
    }
}
