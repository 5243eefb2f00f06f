package dev.agentic.lineage;

import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An experiments folder: a variant's results are in {@code <root>/<variant>/results/<run-id>/} (the latest named
 * by {@code LATEST}), and every promotion decision is appended to {@code <root>/promotions.jsonl}.
 */
public record ExperimentsFolder(Path root) {

    public ExperimentsFolder {
        Objects.requireNonNull(root, "root");
    }

    /** The results folder of {@code variant}. */
    public Path results(String variant) {
        return root.resolve(variant).resolve("results");
    }

    /** The run {@code runId} of {@code variant}, or its latest run when {@code runId} is null; missing or broken results are refused saying why. */
    public RunResults load(String variant, String runId) {
        return RunResults.load(results(variant), runId, variant);
    }

    /** The latest results of {@code variant}, or null when it has none yet; broken results are refused naming the file. */
    public RunResults latest(String variant) {
        try {
            return load(variant, null);
        } catch (RunResults.MissingResultsException missing) {
            return null;
        }
    }

    /** The promotion log. */
    public Path promotionLog() {
        return root.resolve(PromotionLog.FILE);
    }

    /**
     * The lineage as the runs recorded it: every variant with results ({@code <variant>/results/LATEST}), its parent and
     * hypothesis from its latest {@code run.json}, and as its settings those of its recorded configuration that differ
     * from its parent's (a root's: all of them). A variant that never ran is not in it; a recorded parent without results
     * here is refused naming the file.
     */
    public Lineage recordedLineage() {
        Map<String, RunInfo> runs = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        try (var folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                String variant = folder.getFileName().toString();
                if (Files.isRegularFile(folder.resolve("results").resolve(RunResults.latestFile(dev.agentic.task.TaskSet.CORE)))) {
                    RunResults latest = load(variant, null);
                    Path file = latest.directory().resolve("run.json");
                    if (!variant.equals(latest.run().variant())) {
                        throw new IllegalArgumentException(file + ": field 'variant': the results of folder " + variant
                                + " are of variant '" + latest.run().variant() + "'; expected '" + variant + "'");
                    }
                    runs.put(variant, latest.run());
                    files.put(variant, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results under " + root + " (expected <variant>/results/LATEST): run a bench first");
        }
        List<Variant> variants = new ArrayList<>();
        for (RunInfo run : runs.values()) {
            String parent = run.parent();
            if (parent != null && !runs.containsKey(parent)) {
                throw new IllegalArgumentException(files.get(run.variant()) + ": field 'parent': " + run.variant() + " names parent '" + parent
                        + "', which has no results under " + root + "; variants with results: " + String.join(", ", runs.keySet()));
            }
            Map<String, String> settings = new LinkedHashMap<>(config(run));
            if (parent != null) {
                config(runs.get(parent)).forEach((key, value) -> {
                    if (value.equals(settings.get(key))) {
                        settings.remove(key);
                    }
                });
            }
            variants.add(new Variant(run.variant(), parent, run.hypothesis() == null ? "" : run.hypothesis(), settings, null,
                    files.get(run.variant()).toString()));
        }
        return Lineage.recorded(variants);
    }

    /**
     * The agent settings a run recorded, without the entries that describe the run rather than set the
     * agent: the wall time when each task's own timeout decided it, the container network, the place.
     */
    private static Map<String, String> config(RunInfo run) {
        Map<String, String> settings = new LinkedHashMap<>(run.config() == null ? Map.of() : run.config());
        settings.remove(RunInfo.CONTAINER_NETWORK);
        settings.remove(RunInfo.SANDBOX);
        String wallTime = dev.agentic.agent.Settings.WALL_TIME.key();
        if (settings.getOrDefault(wallTime, "").startsWith(RunInfo.TASK_WALL_TIME)) {
            settings.remove(wallTime);
        }
        return settings;
    }
}
