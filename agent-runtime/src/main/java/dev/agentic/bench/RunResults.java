package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import dev.agentic.trial.TrialResult;
import dev.agentic.agent.PathForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run read back from its folder: what ran and its trials.
 *
 * @param directory the run folder
 */
public record RunResults(Path directory, RunInfo run, List<TrialResult> trials) {

    /** The file naming the latest run of a results folder: {@code LATEST}, or {@code LATEST-expansion} for the expansion set. */
    public static String latestFile(TaskSet taskSet) {
        return taskSet == TaskSet.EXPANSION ? "LATEST-expansion" : "LATEST";
    }

    /**
     * The run {@code runId} of a variant's results folder, or its latest run when {@code runId} is
     * null. Missing or broken results are reported with the path and what to run.
     */
    public static RunResults load(Path resultsDirectory, String runId, String variant) {
        return load(resultsDirectory, runId, variant, TaskSet.CORE);
    }

    /** As {@link #load(Path, String, String)}, for the latest run of a task set. */
    public static RunResults load(Path resultsDirectory, String runId, String variant, TaskSet taskSet) {
        String id = runId;
        if (id == null) {
            Path latest = resultsDirectory.resolve(latestFile(taskSet));
            if (!Files.isRegularFile(latest)) {
                throw new MissingResultsException("no " + (taskSet == TaskSet.EXPANSION ? "expansion-set " : "") + "results for "
                        + variant + " in " + resultsDirectory + "; bench it first: agentx bench --variant " + variant + " --results "
                        + resultsDirectory + (taskSet == TaskSet.EXPANSION ? " --task-set expansion" : ""));
            }
            try {
                id = Files.readString(latest, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(latest + ": unreadable: " + e.getMessage(), e);
            }
        }
        Path dir = resultsDirectory.resolve(id);
        if (!Files.isRegularFile(dir.resolve("run.json"))) {
            throw new MissingResultsException("no run " + id + " of " + variant + " in " + resultsDirectory
                    + "; bench it first: agentx bench --variant " + variant + " --results " + resultsDirectory);
        }
        ResultsStore store = ResultsStore.at(dir);
        RunInfo info = located(store.runInfo().orElseThrow(), dir);
        if (info.schema() != RunInfo.SCHEMA) {
            throw new IllegalArgumentException(dir.resolve("run.json") + ": schema " + info.schema() + ", this version reads "
                    + RunInfo.SCHEMA + "; rerun the bench of " + variant);
        }
        List<TrialResult> trials = store.trials();
        for (TrialResult trial : trials) {
            if (trial.schema() != TrialResult.SCHEMA) {
                throw new IllegalArgumentException(dir.resolve("trials.jsonl") + ": trial " + trial.key() + " has schema " + trial.schema()
                        + ", this version reads " + TrialResult.SCHEMA);
            }
        }
        return new RunResults(dir, info, trials);
    }

    /**
     * {@code info} with its suite manifest as a path of this clone: a relative manifest is written relative to the root of the
     * repository the results are in, and read so when it names a file there; any other is left as written (absolute, or
     * relative to the module's folder as in hand-made results).
     */
    private static RunInfo located(RunInfo info, Path dir) {
        String manifest = info.suiteManifest();
        Path root = PathForm.repositoryRoot(dir);
        if (manifest == null || root == null) {
            return info;
        }
        try {
            if (Path.of(manifest).isAbsolute()) {
                return info;
            }
            Path there = root.resolve(manifest).normalize();
            return Files.isRegularFile(there) ? info.withSuiteManifest(there.toString()) : info;
        } catch (java.nio.file.InvalidPathException e) {
            return info;
        }
    }

    /** The mean of {@code value} over graded trials (infrastructure failures and task errors left out); 0 when there are none. */
    public double mean(java.util.function.ToDoubleFunction<TrialResult> value) {
        return trials.stream().filter(TrialResult::graded).mapToDouble(value).average().orElse(0);
    }

    /** The mean cost of a graded trial, or null when a graded trial's cost is unknown (a model without a price). */
    public Double meanCostUsd() {
        return trials.stream().filter(TrialResult::graded).allMatch(TrialResult::costKnown) ? mean(t -> t.spend().costUsd()) : null;
    }

    /** The run's {@code summary.json}, when it has one. */
    public java.util.Optional<Summary> summary() {
        Path file = directory.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(ResultsStore.JSON.readValue(file.toFile(), Summary.class));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a run summary: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Results are missing: a setup problem that running the bench fixes. */
    public static final class MissingResultsException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public MissingResultsException(String message) {
            super(message);
        }
    }
}
