package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.suite.Suite;
import dev.agentic.task.TaskSet;
import dev.agentic.task.TestFolders;
import dev.agentic.testing.ChildProcess;
import dev.agentic.testing.Trials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged evaluation on a small suite built from the project's offline tasks, run by the real bench
 * (its own process, real containers, the scripted model): a variant that clears the screen runs the rest,
 * one that fails it stops there as a finished run, and resuming a stopped run runs nothing more.
 */
class StagedEvaluationTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Duration RUN = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    Path scripts;

    /** tasks/hello-world and tasks/log-error-summary resolve with their scripts; tasks/csv-to-json-report's script gives up. */
    @BeforeEach
    void suiteFolder() throws IOException {
        for (String task : List.of("hello-world", "csv-to-json-report", "log-error-summary", "text-dedupe-normalize")) {
            TestFolders.copy(REPO.resolve("experiments/tasks/" + task), dir.resolve(task.equals("text-dedupe-normalize") ? "more/" + task
                    : "tasks/" + task));
        }
        scripts = Files.createDirectories(dir.resolve("scripts/tb"));
        for (String task : List.of("hello-world", "log-error-summary")) {
            Files.copy(REPO.resolve("experiments/scripts/tb/" + task + ".yaml"), scripts.resolve(task + ".yaml"));
        }
        Files.writeString(scripts.resolve("csv-to-json-report.yaml"), """
                turns:
                  - text: "Nothing to do here."
                    tool_calls:
                      - name: submit
                        arguments: {summary: "gave up"}
                """);
        scripts = scripts.getParent();
    }

    private Path manifest(String stages) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), "id: small\ntasks:\n  - tasks/*\nexpansion:\n  - more/*\n" + stages);
    }

    private ChildProcess bench(Path manifest, Path results, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--suite", manifest.toString(), "--variant", "child",
                "--set", "model=scripted:" + scripts, "--results", results.toString(), "--run-id", runId, "--concurrency", "2"));
        args.addAll(List.of(more));
        return ChildProcess.agentCli(Map.of(), args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return ResultsStore.JSON.readTree(file.toFile());
    }

    private static List<JsonNode> trials(Path run) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("trials.jsonl"))) {
            lines.add(ResultsStore.JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aVariantThatClearsTheScreenRunsTheRestAfterItAndTheExpansionWaitsForABetterVerdict() throws Exception {
        Path manifest = manifest("""
                stages:
                  - name: screen
                    tasks: [tb/hello-world]
                    min_pass_rate: 0.5
                  - name: rest
                    min_pass_rate: 0
                """);
        Path results = dir.resolve("child/results");
        Path parent = parentResults(manifest);
        try (ChildProcess run = bench(manifest, results, "clear", "--parent", "base", "--parent-results", parent.toString())) {
            assertThat(run.exitCode(RUN)).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("estimate: 3 tasks × 1 trial = 3 trials; upper bound from the limits: 150 model calls (max-steps 50),"
                            + " tokens unbounded (no max-tokens), cost none (offline scripted model)")
                    .contains("stage screen (1 of 2): 1 task × 1 trial, 1 to run; it needs a pass rate of at least 50% to go on")
                    .contains("stage screen: 1 of 1 trials passed (100%), at least its threshold 50%: on to stage rest")
                    .contains("stage rest: 1 of 2 trials passed (50%), at least its threshold 0%: every stage cleared")
                    .contains("expansion not run: verdict vs base is INCONCLUSIVE")
                    .doesNotContain("\tat ");
        }
        Path runDir = results.resolve("clear");
        List<JsonNode> trials = trials(runDir);
        assertThat(trials).extracting(t -> t.get("task").asText())
                .containsExactlyInAnyOrder("tb/hello-world", "tb/csv-to-json-report", "tb/log-error-summary");
        Instant screenEnded = trials.stream().filter(t -> t.get("task").asText().equals("tb/hello-world"))
                .map(t -> Instant.parse(t.get("ended_at").asText())).findFirst().orElseThrow();
        assertThat(trials.stream().filter(t -> !t.get("task").asText().equals("tb/hello-world"))
                .map(t -> Instant.parse(t.get("started_at").asText()))).as("the rest starts once the screen is done")
                .allMatch(started -> !started.isBefore(screenEnded));

        JsonNode info = json(runDir.resolve("run.json"));
        assertThat(info.get("status").asText()).isEqualTo("finished");
        assertThat(info.has("stopped_at")).isFalse();
        assertThat(info.get("stages")).hasSize(2);
        JsonNode screen = info.get("stages").get(0);
        assertThat(screen.get("name").asText()).isEqualTo("screen");
        assertThat(screen.get("tasks")).extracting(JsonNode::asText).containsExactly("tb/hello-world");
        assertThat(screen.get("trials").asInt()).isEqualTo(1);
        assertThat(screen.get("passed").asInt()).isEqualTo(1);
        assertThat(screen.get("pass_rate").asDouble()).isEqualTo(1.0);
        assertThat(screen.get("min_pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(screen.get("outcome").asText()).isEqualTo("cleared");
        JsonNode rest = info.get("stages").get(1);
        assertThat(rest.get("tasks")).extracting(JsonNode::asText).containsExactly("tb/csv-to-json-report", "tb/log-error-summary");
        assertThat(rest.get("pass_rate").asDouble()).isEqualTo(0.5);
        assertThat(rest.get("outcome").asText()).isEqualTo("cleared");
        assertThat(info.get("expansion").get("ran").asBoolean()).isFalse();
        assertThat(info.get("expansion").get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(info.get("expansion").get("reason").asText()).isEqualTo("expansion not run: verdict vs base is INCONCLUSIVE");
        assertThat(info.get("estimate").get("trials").asInt()).isEqualTo(3);
        assertThat(info.get("estimate").get("price").asText()).isEqualTo("none");
        assertThat(Files.readString(results.resolve("LATEST")).strip()).isEqualTo("clear");
        assertThat(results.resolve("LATEST-expansion")).doesNotExist();
    }

    @Test
    void aVariantThatFailsTheScreenStopsThereAsAFinishedRunAndAResumeRunsNothingMore() throws Exception {
        Path manifest = manifest("""
                stages:
                  - name: screen
                    tasks: ["csv-*"]
                    min_pass_rate: 0.5
                  - name: rest
                """);
        Path results = dir.resolve("child/results");
        Path runDir = results.resolve("stop");
        String stopLine = "stage screen: 0 of 1 trials passed (0%), below its threshold 50%: the variant stops here";
        try (ChildProcess run = bench(manifest, results, "stop", "--parent", "base", "--parent-results", dir.resolve("nowhere").toString())) {
            assertThat(run.exitCode(RUN)).as(run.output()).isZero();
            assertThat(run.output()).contains(stopLine).contains("expansion not run: the run stopped at stage screen")
                    .doesNotContain("stage rest (");
        }
        assertThat(trials(runDir)).extracting(t -> t.get("task").asText()).containsExactly("tb/csv-to-json-report");
        JsonNode info = json(runDir.resolve("run.json"));
        assertThat(info.get("status").asText()).isEqualTo("finished");
        assertThat(info.get("stopped_at").asText()).isEqualTo("screen");
        assertThat(info.get("stop_reason").asText()).isEqualTo(stopLine);
        assertThat(info.get("stages").get(0).get("outcome").asText()).isEqualTo("stopped");
        assertThat(info.get("stages").get(0).get("pass_rate").asDouble()).isEqualTo(0.0);
        assertThat(info.get("stages").get(1).get("outcome").asText()).isEqualTo("not reached");
        assertThat(info.get("stages").get(1).get("tasks")).extracting(JsonNode::asText)
                .containsExactly("tb/hello-world", "tb/log-error-summary");
        assertThat(info.get("stages").get(1).has("pass_rate")).isFalse();
        assertThat(Files.readString(results.resolve("LATEST")).strip()).as("a stopped run is a complete run").isEqualTo("stop");

        String before = Files.readString(runDir.resolve("trials.jsonl"));
        try (ChildProcess resumed = bench(manifest, results, "stop")) {
            assertThat(resumed.exitCode(RUN)).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("1 already finished").contains(stopLine).doesNotContain("[1/3]").doesNotContain("[2/3]");
            assertThat(resumed.output()).as("the estimate is refined by the run it resumes")
                    .contains("measured: ").contains(" tokens per trial on average in child run stop (1 of 3 tasks)");
        }
        assertThat(Files.readString(runDir.resolve("trials.jsonl"))).as("no trial ran again").isEqualTo(before);
        assertThat(json(runDir.resolve("run.json")).get("stopped_at").asText()).isEqualTo("screen");
    }

    @Test
    void aVariantBetterThanItsParentOnTheCoreGoesOnToTheExpansionSet() throws Exception {
        Path suite = Files.createDirectories(dir.resolve("better"));
        List<String> core = List.of("hello-a", "hello-b", "hello-c", "hello-d", "hello-e");
        Path betterScripts = Files.createDirectories(suite.resolve("scripts/tb"));
        for (String name : List.of("hello-a", "hello-b", "hello-c", "hello-d", "hello-e", "hello-x")) {
            TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), suite.resolve((name.equals("hello-x") ? "more/" : "tasks/") + name));
            Files.copy(REPO.resolve("experiments/scripts/tb/hello-world.yaml"), betterScripts.resolve(name + ".yaml"));
        }
        Path manifest = Files.writeString(suite.resolve("suite.yaml"), """
                id: better
                tasks:
                  - tasks/*
                expansion:
                  - more/*
                stages:
                  - name: screen
                    tasks: [hello-a]
                    min_pass_rate: 1.0
                  - name: rest
                """);
        Path parent = storedResults(manifest, "base", core.stream().map(t -> "tb/" + t).toList(), false);
        Path results = suite.resolve("child/results");
        List<String> args = new ArrayList<>(List.of("bench", "--suite", manifest.toString(), "--variant", "child", "--parent", "base",
                "--parent-results", parent.toString(), "--set", "model=scripted:" + betterScripts.getParent(), "--results",
                results.toString(), "--run-id", "up", "--concurrency", "2"));
        try (ChildProcess run = ChildProcess.agentCli(Map.of(), args.toArray(String[]::new))) {
            assertThat(run.exitCode(RUN)).as(run.output()).isZero();
            assertThat(run.output()).contains("expansion runs as up-expansion: verdict vs base is BETTER (child outperforms base:")
                    .contains("run up-expansion: 1 task × 1 trial = 1; 0 already finished, 1 to run");
        }
        JsonNode expansion = json(results.resolve("up/run.json")).get("expansion");
        assertThat(expansion.get("ran").asBoolean()).isTrue();
        assertThat(expansion.get("verdict").asText()).isEqualTo("BETTER");
        assertThat(expansion.get("parent_run").asText()).isEqualTo("p1");
        assertThat(expansion.get("run_id").asText()).isEqualTo("up-expansion");
        JsonNode measured = json(results.resolve("up-expansion/run.json"));
        assertThat(measured.get("task_set").asText()).isEqualTo("expansion");
        assertThat(measured.has("stages")).as("stages are of the core set").isFalse();
        assertThat(trials(results.resolve("up-expansion"))).extracting(t -> t.get("task").asText()).containsExactly("tb/hello-x");
        assertThat(Files.readString(results.resolve("LATEST-expansion")).strip()).isEqualTo("up-expansion");
        assertThat(Files.readString(results.resolve("LATEST")).strip()).isEqualTo("up");
    }

    /** Results of {@code variant} on the contents of {@code manifest}: one trial of each task, all {@code resolved} or all not. */
    static Path storedResults(Path manifest, String variant, List<String> tasks, boolean resolved) throws IOException {
        String hash = Suite.load(manifest, "agentic/base:bookworm").hash();
        Path results = manifest.getParent().resolve(variant + "/results");
        ResultsStore store = ResultsStore.at(results.resolve("p1"));
        store.write(new RunInfo(RunInfo.SCHEMA, "p1", variant, null, "", Map.of(), "h", "scripted:x", "s", manifest.toString(), hash,
                TaskSet.CORE, tasks.size(), 1, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED));
        for (String task : tasks) {
            store.append(Trials.graded(task, 1, resolved));
        }
        Files.writeString(results.resolve("LATEST"), "p1\n");
        return results;
    }

    /** Results of a parent on the same suite contents that resolved the core tasks once, each, as the child will. */
    private Path parentResults(Path manifest) throws IOException {
        String hash = Suite.load(manifest, "agentic/base:bookworm").hash();
        Path results = dir.resolve("base/results");
        ResultsStore store = ResultsStore.at(results.resolve("p1"));
        store.write(new RunInfo(RunInfo.SCHEMA, "p1", "base", null, "", Map.of(), "h", "scripted:x", "small", manifest.toString(), hash,
                TaskSet.CORE, 3, 1, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED));
        for (String task : List.of("tb/hello-world", "tb/csv-to-json-report", "tb/log-error-summary")) {
            store.append(Trials.graded(task, 1, !task.equals("tb/csv-to-json-report")));
        }
        Files.writeString(results.resolve("LATEST"), "p1\n");
        return results;
    }
}
