package dev.agentic.maven;

import dev.agentic.report.HtmlReport;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the HTML reports of the latest results of every variant in the experiments folder:
 * {@code index.html} for the lineage and one page per variant, self-contained (no network, no script).
 */
@Mojo(name = "report", requiresProject = true, threadSafe = true)
public class ReportMojo extends AbstractVariantMojo {

    /** Where the HTML files go. */
    @Parameter(property = "agent.reportDirectory", defaultValue = "${project.build.directory}/report")
    private File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip || attempt(() -> Variants.declaredIn(project)).all().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        List<Path> files = attempt(() -> HtmlReport.write(HtmlReport.scan(resultsDirectory.toPath()), reportDirectory.toPath()));
        long bytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
        getLog().info(String.format(Locale.ROOT, "report: %s (%d files, %.1f MB, %.1f s)", reportDirectory.toPath().resolve("index.html"),
                files.size(), bytes / 1e6, (System.nanoTime() - start) / 1e9));
    }
}
