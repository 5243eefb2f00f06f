package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.model.Models;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.MemoryPlace;
import dev.agentic.testing.MemorySandbox;
import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.trial.TrialOutcome;
import dev.agentic.trial.TrialResult;
import dev.agentic.verify.Grade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's own logic — scheduling, retries of infrastructure failures, attempts lost to the engine,
 * resuming — on the memory place, without Docker: the real bench, the real agent loop with the scripted
 * model, the real results store; only the sandboxes are maps and the grade reads the agent's answer file.
 */
class BenchLogicTest {

    @TempDir
    Path dir;

    Path suite;
    Path scripts;

    /** Three tasks; the scripts of t1 and t2 write /app/answer.txt, t3's submits without it. */
    @BeforeEach
    void suite() throws IOException {
        for (String task : List.of("t1", "t2", "t3")) {
            Path folder = Files.createDirectories(dir.resolve("tasks/" + task));
            Files.createDirectories(folder.resolve("tests"));
            Files.writeString(folder.resolve("task.yaml"), "instruction: Write ok to /app/answer.txt.\ndifficulty: easy\ncategory: demo\n");
            Files.writeString(folder.resolve("Dockerfile"), "FROM agentic/base:bookworm\nWORKDIR /app\n");
            Files.writeString(folder.resolve("run-tests.sh"), "#!/bin/bash\npytest /tests\n");
            Files.writeString(folder.resolve("tests/test_outputs.py"), "def test_answer():\n    assert open('/app/answer.txt').read() == 'ok'\n");
        }
        suite = Files.writeString(dir.resolve("suite.yaml"), "id: logic\ntasks:\n  - tasks/*\n");
        scripts = Files.createDirectories(dir.resolve("scripts/tb"));
        for (String task : List.of("t1", "t2")) {
            Files.writeString(scripts.resolve(task + ".yaml"), """
                    turns:
                      - tool_calls:
                          - name: editor
                            arguments: {command: create, path: /app/answer.txt, file_text: "ok"}
                      - tool_calls:
                          - name: submit
                            arguments: {summary: "wrote it"}
                    """);
        }
        Files.writeString(scripts.resolve("t3.yaml"), """
                turns:
                  - tool_calls:
                      - name: submit
                        arguments: {summary: "nothing to do"}
                """);
        scripts = scripts.getParent();
    }

    private BenchSpec spec(String runId, int trials, int concurrency, int infraRetries) {
        return new BenchSpec(runId, "v", null, "", Map.of("model", "scripted:" + scripts), suite, List.of(), List.of(), trials,
                concurrency, 1.0, infraRetries, dir.resolve("results"), SandboxSpec.BASE_IMAGE, TaskSet.CORE, null, 0, false,
                Duration.ofSeconds(5), 1.0, 0, null, null);
    }

    /** Resolved when the agent left "ok" in /app/answer.txt. */
    private static final Grading ANSWER_FILE = (task, pristine, sandbox) -> after -> {
        boolean ok = "ok\n".equals(after.exec("cat '/app/answer.txt'", Duration.ofSeconds(1)).stdout() + "\n");
        return Grade.of(ok ? Grade.Outcome.RESOLVED : Grade.Outcome.TESTS_FAILED,
                Map.of("test_answer", ok ? dev.agentic.verify.swebench.TestStatus.PASSED : dev.agentic.verify.swebench.TestStatus.FAILED), "", Duration.ZERO, null);
    };

    private BenchRunner.Outcome run(MemoryPlace place, BenchSpec spec, List<String> log) {
        BenchRunner runner = new BenchRunner(Models.fromEnvironment(), s -> place,
                (p, s, suite) -> TrialPipeline.at(p, ANSWER_FILE, task -> SandboxSpec.of(SandboxSpec.BASE_IMAGE)));
        return runner.run(spec, new BenchRunner.Listener() {
            @Override
            public void info(String line) {
                synchronized (log) {
                    log.add(line);
                }
            }

            @Override
            public void trialFinished(TrialResult result, BenchRunner.Progress progress) {
                synchronized (log) {
                    log.add("finished " + result.key());
                }
            }
        });
    }

    @Test
    void everyTrialRunsOnceInItsOwnSandboxAndIsGradedByWhatTheAgentLeft() {
        MemoryPlace place = new MemoryPlace((command, sandbox) -> null);
        List<String> log = new ArrayList<>();

        BenchRunner.Outcome outcome = run(place, spec("once", 2, 2, 2), log);

        assertThat(outcome.trials()).extracting(TrialResult::key)
                .containsExactlyInAnyOrder("tb/t1.1", "tb/t1.2", "tb/t2.1", "tb/t2.2", "tb/t3.1", "tb/t3.2");
        assertThat(outcome.trials()).filteredOn(TrialResult::resolved).extracting(TrialResult::task)
                .containsOnly("tb/t1", "tb/t2").hasSize(4);
        assertThat(outcome.trials()).filteredOn(t -> !t.resolved()).extracting(t -> t.score().failureLabel()).containsOnly(FailureLabel.TESTS_FAILED);
        assertThat(outcome.trials()).allSatisfy(t -> assertThat(t.tries().count()).isEqualTo(1));
        assertThat(place.starts()).as("one sandbox per trial").isEqualTo(6);
        assertThat(place.sandboxes()).allSatisfy(s -> assertThat(s.closed()).as("closed after its trial").isTrue());
        assertThat(place.closed()).as("the place is closed at the end of the run").isTrue();
        assertThat(outcome.summary().resolved()).isEqualTo(4);
    }

    @Test
    void anInfrastructureFailureIsRetriedAndItsErrorKept() {
        MemoryPlace place = new MemoryPlace((command, sandbox) -> null, Set.of(1), Set.of());

        BenchRunner.Outcome outcome = run(place, spec("retry", 1, 1, 2), new ArrayList<>());

        assertThat(outcome.trials()).hasSize(3).allSatisfy(t -> assertThat(t.graded()).isTrue());
        List<TrialResult> retried = outcome.trials().stream().filter(t -> t.tries().count() == 2).toList();
        assertThat(retried).hasSize(1);
        assertThat(retried.get(0).tries().retriedErrors()).singleElement().asString()
                .startsWith("attempt 1: ").contains("start 1 of the memory place fails");
        assertThat(place.starts()).isEqualTo(4);
    }

    @Test
    void aFailureThatPersistsIsRecordedAsInfrastructureWithItsErrorAfterTheRetries() {
        MemoryPlace place = new MemoryPlace((command, sandbox) -> null, Set.of(1, 2, 3), Set.of());

        BenchRunner.Outcome outcome = run(place, spec("persists", 1, 1, 2), new ArrayList<>());

        List<TrialResult> failed = outcome.trials().stream().filter(TrialResult::infrastructureFailure).toList();
        assertThat(failed).singleElement().satisfies(t -> {
            assertThat(t.tries().count()).isEqualTo(3);
            assertThat(t.tries().error()).contains("start 3 of the memory place fails");
            assertThat(t.score().failureLabel()).isEqualTo(FailureLabel.INFRASTRUCTURE);
            assertThat(t.score().outcome()).isEqualTo(TrialOutcome.INFRASTRUCTURE);
            assertThat(t.tries().retriedErrors()).hasSize(2);
        });
        assertThat(outcome.trials()).filteredOn(TrialResult::graded).hasSize(2);
    }

    @Test
    void anAttemptLostToTheEngineIsRepeatedOutsideTheRetryBudget() {
        MemoryPlace place = new MemoryPlace((command, sandbox) -> null, Set.of(), Set.of(1));

        BenchRunner.Outcome outcome = run(place, spec("lost", 1, 1, 0), new ArrayList<>());

        assertThat(outcome.trials()).hasSize(3).allSatisfy(t -> assertThat(t.graded()).as(t.key()).isTrue());
        TrialResult repeated = outcome.trials().stream().filter(t -> t.tries().count() == 2).findFirst().orElseThrow();
        assertThat(repeated.tries().retriedErrors()).singleElement().asString().contains("the memory engine was lost during it");
        assertThat(place.starts()).isEqualTo(4);
    }

    @Test
    void resumingTheSameRunRunsOnlyTheTrialsItLacks() {
        MemoryPlace first = new MemoryPlace((command, sandbox) -> null);
        run(first, spec("grow", 1, 2, 2), new ArrayList<>());
        assertThat(first.starts()).isEqualTo(3);

        MemoryPlace second = new MemoryPlace((command, sandbox) -> null);
        List<String> log = new ArrayList<>();
        BenchRunner.Outcome outcome = run(second, spec("grow", 2, 2, 2), log);

        assertThat(second.starts()).as("only the second trials run").isEqualTo(3);
        assertThat(outcome.trials()).extracting(TrialResult::key)
                .containsExactlyInAnyOrder("tb/t1.1", "tb/t1.2", "tb/t2.1", "tb/t2.2", "tb/t3.1", "tb/t3.2");
        assertThat(log).anySatisfy(line -> assertThat(line).contains("3 already finished, 3 to run"));
        Map<String, Long> perKey = outcome.trials().stream().collect(Collectors.groupingBy(TrialResult::key, Collectors.counting()));
        assertThat(perKey.values()).containsOnly(1L);
    }

    @Test
    void adaptiveTrialsStopWhenTheSequentialTestSettlesAndTheRunRecordsThemForTheGate() throws IOException {
        // the parent resolves every task 10 times out of 10; the child never resolves t3: every trial pair on t3 is a loss,
        // so only t3 gets more trials, and after 8 losses the sequential test shows the child worse
        Path fixed = Files.createDirectories(dir.resolve("parent-scripts/tb"));
        for (String task : List.of("t1", "t2", "t3")) {
            Files.copy(scripts.resolve("tb/t1.yaml"), fixed.resolve(task + ".yaml"));
        }
        MemoryPlace place = new MemoryPlace((command, sandbox) -> null);
        BenchSpec parentSpec = new BenchSpec("p10", "base", null, "", Map.of("model", "scripted:" + fixed.getParent()), suite, List.of(),
                List.of(), 10, 2, 1.0, 0, dir.resolve("base"), SandboxSpec.BASE_IMAGE, TaskSet.CORE, null, 0, false, Duration.ofSeconds(5),
                1.0, 0, null, null);
        BenchRunner.Outcome parent = run(place, parentSpec, new ArrayList<>());
        BenchSpec childSpec = new BenchSpec("adaptive", "v", "base", "", Map.of("model", "scripted:" + scripts), suite, List.of(), List.of(),
                1, 1, 1.0, 0, dir.resolve("results"), SandboxSpec.BASE_IMAGE, TaskSet.CORE, dir.resolve("base"), 20, false,
                Duration.ofSeconds(5), 1.0, 0, null, null);
        List<String> log = new ArrayList<>();

        BenchRunner.Outcome child = run(new MemoryPlace((command, sandbox) -> null), childSpec, log);

        assertThat(child.trials()).filteredOn(t -> t.task().equals("tb/t3")).hasSize(8);
        assertThat(child.trials()).filteredOn(t -> !t.task().equals("tb/t3")).hasSize(2);
        assertThat(log).contains("adaptive trials stop: the sequential test is settled: worse");
        RunInfo.Adaptive adaptive = RunResults.load(dir.resolve("results"), null, "v").run().adaptive();
        assertThat(adaptive).isEqualTo(new RunInfo.Adaptive("p10", 0.05, 0.2, 0, 0.1, 20, 7, "the sequential test is settled: worse"));
        assertThat(Files.readString(dir.resolve("results/adaptive/run.json"))).contains("\"adaptive\" : {").contains("\"parent_run\" : \"p10\"")
                .contains("\"trials_added\" : 7");

        dev.agentic.lineage.Comparison verdict = dev.agentic.lineage.Comparisons.compare(RunResults.load(dir.resolve("results"), null, "v"),
                RunResults.load(dir.resolve("base"), null, "base"), 0.95, 0, 1000);
        assertThat(verdict.judgement().method()).isEqualTo(dev.agentic.lineage.Comparison.Method.SEQUENTIAL);
        assertThat(verdict.judgement().sequential().pairs()).isEqualTo(10);
        assertThat(verdict.verdict()).isEqualTo(dev.agentic.lineage.Verdict.WORSE);
        assertThat(parent.summary().resolved()).isEqualTo(30);
    }
}
