package dev.agentic.testing;

import dev.agentic.bench.ResultsStore;
import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunStatus;
import dev.agentic.bench.RunResults;
import dev.agentic.task.TaskSet;
import dev.agentic.trial.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Results folders as finished runs leave them, under an experiments folder: {@code <experiments>/<variant>/results/<run>/}
 * with {@code run.json} and {@code trials.jsonl}, and {@code LATEST} (or {@code LATEST-expansion}) naming the run.
 */
public final class StoredResults {

    private StoredResults() {}

    /** A finished run of {@code variant} on suite manifest {@code suite.yaml} (relative) with contents {@code suiteHash}. */
    public static RunInfo run(String variant, String parent, Map<String, String> config, String suiteHash, TaskSet taskSet, int tasks,
                              int trials) {
        return new RunInfo(RunInfo.SCHEMA, variant + "-" + taskSet, variant, parent, "the hypothesis of " + variant, config, "h", "scripted:x",
                "tiny", "suite.yaml", suiteHash, taskSet, tasks, trials, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED);
    }

    /** {@code run} as run {@code runId}. */
    public static RunInfo withRunId(RunInfo r, String runId) {
        return new RunInfo(r.schema(), runId, r.variant(), r.parent(), r.hypothesis(), r.config(), r.configHash(), r.model(), r.suite(),
                r.suiteManifest(), r.suiteHash(), r.taskSet(), r.tasks(), r.trials(), r.concurrency(), r.timeoutMultiplier(), r.harnessVersion(),
                r.gitCommit(), r.host(), r.java(), r.startedAt(), r.endedAt(), r.status());
    }

    /** {@code run} with {@code stages} as it ran them, stopped at {@code stoppedAt} (null: it went through). */
    public static RunInfo withStages(RunInfo r, List<RunInfo.StageRecord> stages, String stoppedAt) {
        return new RunInfo(r.schema(), r.runId(), r.variant(), r.parent(), r.hypothesis(), r.config(), r.configHash(), r.model(), r.suite(),
                r.suiteManifest(), r.suiteHash(), r.taskSet(), r.tasks(), r.trials(), r.concurrency(), r.timeoutMultiplier(), r.harnessVersion(),
                r.gitCommit(), r.host(), r.java(), r.startedAt(), r.endedAt(), r.status(), stages, stoppedAt,
                stoppedAt == null ? null : "stage " + stoppedAt + ": below its threshold", null, null, null, null);
    }

    /** {@code trials} trials of task {@code tb/t<i>} for each {@code resolved[i]}, all with that outcome. */
    public static List<TrialResult> trials(int trials, boolean... resolved) {
        List<TrialResult> list = new ArrayList<>();
        for (int i = 0; i < resolved.length; i++) {
            for (int k = 1; k <= trials; k++) {
                list.add(Trials.graded("tb/t" + i, k, resolved[i]));
            }
        }
        return list;
    }


    /** Writes {@code run} and its trials into the results of its variant under {@code experiments}; returns the results folder. */
    public static Path store(Path experiments, RunInfo run, List<TrialResult> trials) {
        Path results = experiments.resolve(run.variant()).resolve("results");
        ResultsStore store = ResultsStore.at(results.resolve(run.runId()));
        store.write(run);
        trials.forEach(store::append);
        try {
            Files.writeString(results.resolve(RunResults.latestFile(run.taskSet())), run.runId() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    /** A core run of {@code variant}: one task per {@code resolved} value, {@code trials} trials each. */
    public static Path store(Path experiments, String variant, String parent, Map<String, String> config, int trials, boolean... resolved) {
        return store(experiments, run(variant, parent, config, "s1", TaskSet.CORE, resolved.length, trials), trials(trials, resolved));
    }

    /** {@code n} copies of {@code value}. */
    public static boolean[] all(int n, boolean value) {
        boolean[] values = new boolean[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** The first {@code passing} of {@code n} tasks resolved, the others not. */
    public static boolean[] first(int passing, int n) {
        boolean[] values = new boolean[n];
        for (int i = 0; i < passing; i++) {
            values[i] = true;
        }
        return values;
    }

    /** A suite manifest {@code suite.yaml} in {@code experiments} with the task folders given, and an expansion set when given. */
    public static Path suite(Path experiments, List<Path> tasks, List<Path> expansion) {
        StringBuilder yaml = new StringBuilder("id: tiny\ntasks:\n");
        tasks.forEach(t -> yaml.append("  - ").append(t.toAbsolutePath()).append('\n'));
        if (!expansion.isEmpty()) {
            yaml.append("expansion:\n");
            expansion.forEach(t -> yaml.append("  - ").append(t.toAbsolutePath()).append('\n'));
        }
        try {
            Files.createDirectories(experiments);
            return Files.writeString(experiments.resolve("suite.yaml"), yaml.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
