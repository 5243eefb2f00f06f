package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.bench.ResultsStore;
import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunStatus;
import dev.agentic.bench.StageOutcome;
import dev.agentic.bench.RunResults;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.Trials;
import dev.agentic.trial.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision to run the expansion set after a staged core run, on results stored in folders as runs
 * leave them, and the gate's rule for a child that stopped at a stage its parent cleared.
 */
class ExpansionGateTest {

    @TempDir
    Path dir;

    static final RunInfo.StageRecord SCREEN_CLEARED = new RunInfo.StageRecord("screen", List.of("tb/t0", "tb/t1"), 2, 2, 2, 1.0, 0.5,
            StageOutcome.CLEARED);
    static final RunInfo.StageRecord SCREEN_STOPPED = new RunInfo.StageRecord("screen", List.of("tb/t0", "tb/t1"), 2, 2, 0, 0.0, 0.5,
            StageOutcome.STOPPED);
    static final RunInfo.StageRecord REST_CLEARED = new RunInfo.StageRecord("rest", List.of("tb/t2"), 1, 1, 1, 1.0, 0, StageOutcome.CLEARED);
    static final RunInfo.StageRecord REST_NOT_REACHED = new RunInfo.StageRecord("rest", List.of("tb/t2"), 0, 0, 0, null, 0,
            StageOutcome.NOT_REACHED);

    static RunInfo info(String variant, String hash, int tasks, List<RunInfo.StageRecord> stages, String stoppedAt) {
        return new RunInfo(RunInfo.SCHEMA, variant + "-run", variant, null, "", Map.of(), "h", "scripted:x", "s", "suite.yaml", hash, TaskSet.CORE,
                tasks, 1, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED, stages, stoppedAt,
                stoppedAt == null ? null : "stage " + stoppedAt + ": below its threshold", null, null, null, null);
    }

    static TrialResult trial(String task, boolean resolved) {
        return Trials.graded(task, 1, resolved);
    }

    /** A results folder as a finished run leaves it: {@code resolved[i]} for task tb/t{i}. */
    Path stored(String variant, String hash, boolean... resolved) throws IOException {
        Path results = dir.resolve(variant + "/results");
        ResultsStore store = ResultsStore.at(results.resolve(variant + "-run"));
        store.write(info(variant, hash, resolved.length, null, null));
        for (int i = 0; i < resolved.length; i++) {
            store.append(trial("tb/t" + i, resolved[i]));
        }
        Files.writeString(results.resolve("LATEST"), variant + "-run\n");
        return results;
    }

    static RunResults child(String hash, boolean... resolved) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < resolved.length; i++) {
            trials.add(trial("tb/t" + i, resolved[i]));
        }
        return new RunResults(Path.of("child"), info("child", hash, resolved.length, null, null), trials);
    }

    static boolean[] all(int n, boolean value) {
        boolean[] values = new boolean[n];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @Test
    void onlyABetterVerdictRunsTheExpansionSet() throws IOException {
        Path weakParent = stored("weak", "s1", all(8, false));
        RunInfo.Expansion better = ExpansionGate.decide(child("s1", all(8, true)), "weak", weakParent, "k3-expansion");
        assertThat(better.ran()).isTrue();
        assertThat(better.verdict()).isEqualTo("BETTER");
        assertThat(better.parentRun()).isEqualTo("weak-run");
        assertThat(better.runId()).isEqualTo("k3-expansion");
        assertThat(better.reason()).startsWith("expansion runs as k3-expansion: verdict vs weak is BETTER (child outperforms weak:");

        Path sameParent = stored("same", "s1", all(8, true));
        RunInfo.Expansion tie = ExpansionGate.decide(child("s1", all(8, true)), "same", sameParent, "k3-expansion");
        assertThat(tie.ran()).isFalse();
        assertThat(tie.runId()).isNull();
        assertThat(tie.reason()).isEqualTo("expansion not run: verdict vs same is INCONCLUSIVE");

        RunInfo.Expansion worse = ExpansionGate.decide(child("s1", all(8, false)), "same", sameParent, "k3-expansion");
        assertThat(worse.ran()).isFalse();
        assertThat(worse.reason()).isEqualTo("expansion not run: verdict vs same is WORSE");

        RunInfo.Expansion fewTasks = ExpansionGate.decide(child("s1", true, true, true), "weak", weakParent, "k3-expansion");
        assertThat(fewTasks.reason()).as("three wins of three are not evidence enough").isEqualTo("expansion not run: verdict vs weak is INCONCLUSIVE");
    }

    @Test
    void withoutComparableParentResultsTheExpansionSetDoesNotRunAndSaysWhy() throws IOException {
        assertThat(ExpansionGate.decide(child("s1", all(8, true)), null, null, "x").reason())
                .isEqualTo("expansion not run: child has no parent to compare with");
        assertThat(ExpansionGate.decide(child("s1", all(8, true)), "base", dir.resolve("base/results"), "x").reason())
                .startsWith("expansion not run: no results for base in ").endsWith("; bench it first: agentx bench --variant base --results " + dir.resolve("base/results"));
        Path otherSuite = stored("old", "s0", all(8, false));
        assertThat(ExpansionGate.decide(child("s1", all(8, true)), "old", otherSuite, "x").reason())
                .startsWith("expansion not run: cannot compare child with old: their results come from different suite contents");

        RunResults stopped = new RunResults(Path.of("child"), info("child", "s1", 3, List.of(SCREEN_STOPPED, REST_NOT_REACHED), "screen"),
                List.of(trial("tb/t0", false), trial("tb/t1", false)));
        assertThat(ExpansionGate.decide(stopped, "weak", stored("weak", "s1", all(3, false)), "x").reason())
                .isEqualTo("expansion not run: the run stopped at stage screen");
    }

    @Test
    void aChildStoppedAtAStageItsParentClearedUnderperformsItNamingTheStage() {
        RunInfo stoppedChild = info("child", "s1", 3, List.of(SCREEN_STOPPED, REST_NOT_REACHED), "screen");
        RunInfo clearedParent = info("parent", "s1", 3, List.of(SCREEN_CLEARED, REST_CLEARED), null);
        assertThat(Comparisons.stageShortfall(stoppedChild, clearedParent)).isEqualTo("child underperforms parent: it stopped at stage"
                + " screen (0 of 2 trials passed, 0%, below the stage's threshold 50%), which parent cleared (2 of 2, 100%)");

        RunInfo stoppedParent = info("parent", "s1", 3, List.of(SCREEN_STOPPED, REST_NOT_REACHED), "screen");
        assertThat(Comparisons.stageShortfall(stoppedChild, stoppedParent)).as("both stopped there: the comparison decides").isNull();
        assertThat(Comparisons.stageShortfall(clearedParent, stoppedChild)).as("a child that went further").isNull();
        assertThat(Comparisons.stageShortfall(stoppedChild, info("parent", "s1", 3, null, null))).as("a parent without stages").isNull();
    }
}
