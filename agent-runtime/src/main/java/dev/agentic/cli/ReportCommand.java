package dev.agentic.cli;

import dev.agentic.report.HtmlReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx report}: the HTML report of every variant's latest results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write self-contained HTML reports (index.html for the lineage, one page per variant) of the latest results under an experiments folder.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiments", paramLabel = "<folder>", description = "experiments folder (default: ${DEFAULT-VALUE})")
    Path experiments = Path.of("experiments");

    @Option(names = "--out", paramLabel = "<folder>", description = "where the HTML files go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("experiments", "target", "report");

    @Override
    public Integer call() {
        long start = System.nanoTime();
        List<Path> files = HtmlReport.write(HtmlReport.scan(Inputs.folder("--experiments", experiments)), Inputs.outputFolder("--out", out));
        long bytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
        spec.commandLine().getOut().printf(Locale.ROOT, "report: %s (%d files, %.1f MB, %.1f s)%n", out.resolve("index.html"), files.size(),
                bytes / 1e6, (System.nanoTime() - start) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
