package dev.agentic.maven;

import dev.agentic.lineage.ExperimentsFolder;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.LineageDrawing;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The tree of variants declared in the project's profiles, validated (unknown parent, cycle,
 * duplicate id, more than one change without a reason), with each variant's latest resolved rate
 * and interval, its verdict against its parent and promotion marks; also written as a Mermaid
 * graph to {@code target/lineage.mmd}. A variant without results shows "(no results)"; a broken
 * results file, or results that cannot be compared with the parent's, is a build error saying why.
 */
@Mojo(name = "lineage", requiresProject = true, threadSafe = true)
public class LineageMojo extends AbstractVariantMojo {

    @Parameter(defaultValue = "${project.build.directory}/lineage.mmd", readonly = true)
    private File mermaid;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            return;
        }
        Lineage lineage = lineage(null);
        if (lineage.all().isEmpty()) {
            return;
        }
        LineageDrawing drawing = attempt(() -> LineageDrawing.of(lineage, new ExperimentsFolder(resultsDirectory.toPath())));
        drawing.tree().forEach(getLog()::info);
        attempt(() -> {
            drawing.writeMermaid(mermaid.toPath());
            return mermaid;
        });
        getLog().info("Mermaid graph: " + mermaid);
    }
}
