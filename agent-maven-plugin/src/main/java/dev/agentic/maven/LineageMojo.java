package dev.agentic.maven;

import dev.agentic.bench.RunResults;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.PromotionLog;
import dev.agentic.lineage.Variant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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
    private java.io.File mermaid;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            return;
        }
        Lineage lineage = lineage(null);
        if (lineage.all().isEmpty()) {
            return;
        }
        Set<String> promoted = attempt(() -> PromotionLog.promoted(resultsDirectory.toPath().resolve(PromotionLog.FILE)));
        StringBuilder graph = new StringBuilder("graph TD\n");
        for (Variant root : lineage.all().stream().filter(v -> v.parent() == null).toList()) {
            print(lineage, root, "", true, true, promoted, graph);
        }
        try {
            Files.createDirectories(mermaid.toPath().getParent());
            Files.writeString(mermaid.toPath(), graph.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + mermaid + ": " + e.getMessage(), e);
        }
        getLog().info("Mermaid graph: " + mermaid);
    }

    private void print(Lineage lineage, Variant v, String indent, boolean last, boolean root, Set<String> promoted, StringBuilder graph)
            throws MojoExecutionException {
        String branch = root ? "" : indent + (last ? "└── " : "├── ");
        String change = root ? "" : " " + v.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        RunResults results = latest(v.id());
        String measured = results == null ? "(no results)" : measured(results);
        String verdict = root ? "" : verdict(results, v.parent());
        getLog().info(branch + v.id() + (promoted.contains(v.id()) ? " ★ promoted" : "") + change + "  " + measured + verdict);
        String label = v.id() + (promoted.contains(v.id()) ? " ★" : "") + "<br/>" + measured;
        graph.append("  ").append(node(v.id())).append("[\"").append(label.replace("\"", "'")).append("\"]\n");
        if (!root) {
            graph.append("  ").append(node(v.parent())).append(" -->|").append(change.strip().replace("|", "/")).append("| ")
                    .append(node(v.id())).append('\n');
        }
        List<Variant> children = lineage.children(v.id());
        for (int i = 0; i < children.size(); i++) {
            print(lineage, children.get(i), root ? "" : indent + (last ? "    " : "│   "), i == children.size() - 1, false, promoted, graph);
        }
    }

    /** The variant's latest results, or null when it has none yet; broken results are a build error naming the file. */
    private RunResults latest(String variantId) throws MojoExecutionException {
        return attempt(() -> {
            try {
                return RunResults.load(resultsOf(variantId).toPath(), null, variantId);
            } catch (RunResults.MissingResultsException missing) {
                return null;
            }
        });
    }

    private static String measured(RunResults results) throws MojoExecutionException {
        return attempt(() -> results.summary()
                .map(s -> String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f) over %d trials", 100 * s.passRate(), 100 * s.intervalLow(),
                        100 * s.intervalHigh(), s.trialsFinished()))
                .orElse("(no summary)"));
    }

    /** The verdict against the parent when both have results; results that cannot be compared are a build error saying why. */
    private String verdict(RunResults child, String parentId) throws MojoExecutionException {
        RunResults parent = latest(parentId);
        if (child == null || parent == null) {
            return "";
        }
        Comparison c = attempt(() -> Comparisons.compare(child, parent, 0.95, 0, 2000));
        return String.format(Locale.ROOT, "  %s vs %s (Δ %+.1f pts)", c.verdict(), parentId, 100 * c.delta());
    }

    private static String node(String id) {
        return id.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
