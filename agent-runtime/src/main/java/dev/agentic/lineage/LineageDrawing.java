package dev.agentic.lineage;

import dev.agentic.bench.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lineage drawn: a text tree with each variant's change, its latest resolved rate and interval, its verdict
 * against its parent and ★ for a promoted variant; and the same as a Mermaid graph. A variant without results shows
 * "(no results)"; broken results, or results that cannot be compared with the parent's, are refused saying why.
 *
 * @param tree the lines of the text tree, roots first, children in declaration order
 * @param mermaid the Mermaid graph ({@code graph TD})
 */
public record LineageDrawing(List<String> tree, String mermaid) {

    /** Confidence, margin and resamples of the verdicts shown: a quick look, not the gate. */
    static final ComparisonSettings VERDICTS = new ComparisonSettings(0.95, 0, 2000);

    public LineageDrawing {
        tree = List.copyOf(tree);
    }

    /** The drawing of {@code lineage} with the latest results and the promotions of {@code folder}. */
    public static LineageDrawing of(Lineage lineage, ExperimentsFolder folder) {
        Set<String> promoted = PromotionLog.promoted(folder.promotionLog());
        List<String> tree = new ArrayList<>();
        StringBuilder graph = new StringBuilder("graph TD\n");
        for (Variant root : lineage.all().stream().filter(v -> v.parent() == null).toList()) {
            draw(lineage, folder, root, "", true, true, promoted, tree, graph);
        }
        return new LineageDrawing(tree, graph.toString());
    }

    /** Writes the Mermaid graph to {@code file}, creating its folder. */
    public void writeMermaid(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, mermaid, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void draw(Lineage lineage, ExperimentsFolder folder, Variant v, String indent, boolean last, boolean root,
                             Set<String> promoted, List<String> tree, StringBuilder graph) {
        String branch = root ? "" : indent + (last ? "└── " : "├── ");
        String change = root ? "" : " " + v.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        RunResults results = folder.latest(v.id());
        String measured = results == null ? "(no results)" : measured(results);
        String verdict = root ? "" : verdict(folder, results, v.parent());
        tree.add(branch + v.id() + (promoted.contains(v.id()) ? " ★ promoted" : "") + change + "  " + measured + verdict);
        String label = v.id() + (promoted.contains(v.id()) ? " ★" : "") + "<br/>" + measured;
        graph.append("  ").append(node(v.id())).append("[\"").append(label.replace("\"", "'")).append("\"]\n");
        if (!root) {
            graph.append("  ").append(node(v.parent())).append(" -->|").append(change.strip().replace("|", "/")).append("| ")
                    .append(node(v.id())).append('\n');
        }
        List<Variant> children = lineage.children(v.id());
        for (int i = 0; i < children.size(); i++) {
            draw(lineage, folder, children.get(i), root ? "" : indent + (last ? "    " : "│   "), i == children.size() - 1, false, promoted,
                    tree, graph);
        }
    }

    private static String measured(RunResults results) {
        return results.summary()
                .map(s -> String.format(Locale.ROOT, "%.1f %% (%.1f–%.1f) over %d trials", 100 * s.passRate(), 100 * s.intervalLow(),
                        100 * s.intervalHigh(), s.trialsFinished()))
                .orElse("(no summary)");
    }

    /** The verdict against the parent when both have results. */
    private static String verdict(ExperimentsFolder folder, RunResults child, String parentId) {
        RunResults parent = folder.latest(parentId);
        if (child == null || parent == null) {
            return "";
        }
        Comparison c = Comparisons.compare(child, parent, VERDICTS.confidence(), VERDICTS.margin(), VERDICTS.resamples());
        return String.format(Locale.ROOT, "  %s vs %s (Δ %+.1f pts)", c.verdict(), parentId, 100 * c.delta());
    }

    private static String node(String id) {
        return id.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
