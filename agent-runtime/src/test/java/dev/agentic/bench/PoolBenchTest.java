package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.model.Models;
import dev.agentic.sandbox.PlaceSettings;
import dev.agentic.sandbox.Places;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.TaskSet;
import dev.agentic.task.TestFolders;
import dev.agentic.testing.SecondEngine;
import dev.agentic.trial.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench on {@code docker-pool} over two Docker engines of the test's own, one killed while trials run
 * on it: the real bench, pipeline, scripted agent and Terminal-Bench grading. Every trial is stored exactly
 * once, graded; those the killed engine took are retried on the other as infrastructure, and the
 * per-engine counts say so.
 */
class PoolBenchTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final int TASKS = 6;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void everyTrialIsStoredOnceWhenAnEngineOfThePoolIsKilledMidRun() throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts/tb"));
        for (int i = 1; i <= TASKS; i++) {
            TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), dir.resolve("tasks/hello-" + i));
            Files.copy(REPO.resolve("experiments/scripts/tb/hello-world.yaml"), scripts.resolve("hello-" + i + ".yaml"));
        }
        Path suite = Files.writeString(dir.resolve("suite.yaml"), "id: pool\ntasks:\n  - tasks/*\n");
        try (SecondEngine a = SecondEngine.open(); SecondEngine b = SecondEngine.open()) {
            Path engines = Files.writeString(dir.resolve("engines.yaml"), "engines:\n"
                    + "  - address: " + a.host() + "\n    concurrency: 2\n"
                    + "  - address: " + b.host() + "\n    concurrency: 2\n");
            BenchSpec spec = new BenchSpec("pool", "v", null, "", Map.of("model", "scripted:" + scripts.getParent()), suite, List.of(),
                    List.of(), 2, 4, 1.0, 2, dir.resolve("results"), SandboxSpec.BASE_IMAGE, TaskSet.CORE, null, 0, false,
                    Duration.ofSeconds(5), 0.2, 0, null, null);
            List<String> log = new CopyOnWriteArrayList<>();
            AtomicBoolean killed = new AtomicBoolean();
            BenchRunner runner = new BenchRunner(Models.fromEnvironment(),
                    s -> Places.named("docker-pool", PlaceSettings.of(s.engineWait()).withEngines(engines)), BenchRunner.Pipelines.BENCHMARK);

            BenchRunner.Outcome outcome = runner.run(spec, new BenchRunner.Listener() {
                @Override
                public void info(String line) {
                    log.add(line);
                }

                @Override
                public void trialFinished(TrialResult result, BenchRunner.Progress progress) {
                    log.add("finished " + result.key());
                    if (progress.done() == 3 && killed.compareAndSet(false, true)) { // trials are running on both engines now
                        a.kill();
                        log.add("killed " + a.host());
                    }
                }
            });

            String output = String.join("\n", log);
            log.stream().filter(line -> line.startsWith("docker-pool ")).forEach(System.out::println);
            assertThat(killed).as(output).isTrue();
            List<TrialResult> trials = outcome.trials();
            Map<String, Long> perKey = trials.stream().collect(Collectors.groupingBy(TrialResult::key, Collectors.counting()));
            assertThat(perKey).as(output).hasSize(TASKS * 2);
            assertThat(perKey.values()).as("each trial stored exactly once").containsOnly(1L);
            assertThat(trials).as(output).allSatisfy(t -> assertThat(t.graded()).as(t.key() + ": " + t.tries().error()).isTrue());
            assertThat(trials).filteredOn(TrialResult::resolved).hasSize(TASKS * 2);
            List<String> retried = new ArrayList<>();
            trials.stream().filter(t -> t.tries().retriedErrors() != null).forEach(t -> retried.addAll(t.tries().retriedErrors()));
            assertThat(retried).as("the trials the killed engine had are retried elsewhere: " + output)
                    .anySatisfy(e -> assertThat(e).contains(a.host()));

            JsonNode counts = ResultsStore.JSON.readTree(dir.resolve("results/pool/engines.json").toFile());
            assertThat(counts).hasSize(2);
            JsonNode first = counts.get(0);
            JsonNode second = counts.get(1);
            assertThat(first.get("engine").asText()).isEqualTo(a.host());
            assertThat(first.get("drained").asBoolean()).as("the killed engine is drained").isTrue();
            assertThat(first.get("lost").asInt()).isPositive();
            assertThat(second.get("drained").asBoolean()).isFalse();
            assertThat(first.get("started").asInt() + second.get("started").asInt())
                    .as("one sandbox per attempt").isGreaterThanOrEqualTo(TASKS * 2 + first.get("lost").asInt());
            assertThat(output).contains("docker-pool " + a.host() + ": ").contains(", drained");
        }
    }
}
