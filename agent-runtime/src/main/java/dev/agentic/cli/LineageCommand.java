package dev.agentic.cli;

import dev.agentic.lineage.ExperimentsFolder;
import dev.agentic.lineage.LineageDrawing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx lineage}: the tree of variants with their rates and verdicts, and its Mermaid graph. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
        description = "Print the tree of the variants with results under an experiments folder: each child's change, each variant's latest "
            + "resolved rate with its interval, its verdict against its parent and ★ for a promoted variant; also write it as a "
            + "Mermaid graph. The lineage is the one the runs recorded (each variant's latest run.json names its parent and "
            + "settings), so a variant that never ran is not in it. The Maven goal agent:lineage draws the variants its profiles "
            + "declare.")
final class LineageCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiments", paramLabel = "<folder>", description = "experiments folder: <folder>/<variant>/results (default: ${DEFAULT-VALUE})")
    Path experiments = Path.of("experiments");

    @Option(names = "--mermaid", paramLabel = "<file>", description = "where the Mermaid graph goes (default: <experiments>/target/lineage.mmd)")
    Path mermaid;

    @Override
    public Integer call() {
        ExperimentsFolder folder = new ExperimentsFolder(Inputs.folder("--experiments", experiments));
        LineageDrawing drawing = LineageDrawing.of(folder.recordedLineage(), folder);
        Path file = mermaid != null ? mermaid : experiments.resolve("target").resolve("lineage.mmd");
        drawing.writeMermaid(file);
        PrintWriter out = spec.commandLine().getOut();
        drawing.tree().forEach(out::println);
        out.println("Mermaid graph: " + file);
        out.flush();
        return 0;
    }
}
