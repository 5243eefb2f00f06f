package dev.agentic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentic.testing.ChildProcess;
import dev.agentic.testing.SecondEngine;
import dev.agentic.testing.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench run met by what real runs meet: Ctrl-C, SIGTERM, the death of the process that started
 * it, a second writer, a Docker engine that stops and comes back (or does not), an engine address
 * that answers nothing, a model that never answers. Each time the results hold only what is true,
 * no container is left, and the run resumes. The bench runs as its own process, as the Maven goal
 * runs it; engine faults are made on an engine of the test's own.
 */
class RunFaultsTest {

    private static final Path SUITE = Path.of("../experiments/offline-core.yaml").toAbsolutePath().normalize();
    private static final Path SCRIPTS = Path.of("../experiments/scripts").toAbsolutePath().normalize();
    private static final List<String> TASKS = List.of("tb/hello-world", "tb/csv-to-json-report", "tb/log-error-summary",
            "tb/text-dedupe-normalize");
    private static final Duration RUN = Duration.ofMinutes(8);

    @TempDir
    Path results;

    private static ChildProcess bench(Map<String, String> env, Path results, String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--suite", SUITE.toString(), "--variant", "exp-02",
                "--set", "model=scripted:" + SCRIPTS, "--results", results.toString(), "--run-id", runId, "--concurrency", "2"));
        TASKS.forEach(t -> args.addAll(List.of("--tasks", t)));
        args.addAll(List.of(more));
        return ChildProcess.agentCli(env, args.toArray(String[]::new));
    }

    private static void awaitLine(ChildProcess process, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (process.lines().stream().noneMatch(l -> l.startsWith(prefix))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no line starting with '" + prefix + "'; output:\n" + process.output());
            }
            Thread.sleep(100);
        }
    }

    private static List<JsonNode> trials(Path run) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        Path file = run.resolve("trials.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                lines.add(ResultsStore.JSON.readTree(line));
            }
        }
        return lines;
    }

    /** Every stored trial is true (the scripted model resolves every task), and none is stored twice. */
    private static void assertOnlyTrueTrials(Path run, int expected) throws IOException {
        List<JsonNode> lines = trials(run);
        Set<String> keys = new HashSet<>();
        for (JsonNode line : lines) {
            assertTrue(keys.add(line.get("task").asText() + "." + line.get("trial").asInt()), "stored twice: " + line);
            assertTrue(line.get("resolved").asBoolean(), "a false failure was stored: " + line);
        }
        if (expected >= 0) {
            assertEquals(expected, lines.size(), "trials stored: " + keys);
        }
    }

    private static void assertNoStackTrace(ChildProcess process) {
        assertFalse(process.output().contains("\tat ") || process.output().contains("Exception in thread"),
                "stack frames in the output:\n" + process.output());
    }

    /** The containers with {@code label}, once removals still under way have ended (at most 20 s). */
    private static List<String> containersOf(String dockerHost, String label) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> found = listContainers(dockerHost, label);
        while (!found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            found = listContainers(dockerHost, label);
        }
        return found;
    }

    private static List<String> listContainers(String dockerHost, String label) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        if (dockerHost != null) {
            command.addAll(List.of("-H", dockerHost));
        }
        command.addAll(List.of("ps", "-aq", "--filter", "label=" + label));
        Process docker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(docker.getInputStream().readAllBytes()).strip();
        assertTrue(docker.waitFor(30, TimeUnit.SECONDS) && docker.exitValue() == 0, "docker ps failed: " + out);
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    private static String owner(ChildProcess process) {
        return "dev.agentic.owner=" + dev.agentic.sandbox.DockerSandbox.hostName() + ":" + process.pid();
    }

    @Test
    void ctrlCAbandonsTheTrialsInFlightLeavesNoContainerAndTheRunResumes() throws Exception {
        Path run = results.resolve("int");
        try (ChildProcess first = bench(Map.of(), results, "int")) {
            awaitLine(first, "[1/4]");
            long start = System.nanoTime();
            while (listContainers(null, owner(first)).isEmpty() && first.isAlive()) {
                Thread.sleep(50); // a trial is in flight
            }
            first.signal(Signal.INT);
            assertEquals(130, first.exitCode(Duration.ofSeconds(30)), first.output());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 20, "stopped after " + seconds + " s");
            int kept = trials(run).size();
            assertTrue(first.output().contains("run int interrupted: " + kept + " of 4 trials finished and kept in " + run
                    + ", the trials in flight abandoned; resume with the same run id"), first.output());
            assertTrue(kept < 4, "a trial was in flight: " + first.output());
            assertOnlyTrueTrials(run, kept);
            assertNoStackTrace(first);
            assertEquals(List.of(), containersOf(null, owner(first)), "containers left by the interrupted run");
            assertFalse(Files.exists(run.resolve(RunLock.FILE)), "the lock is released as the run stops");
        }
        int kept = trials(run).size();
        if (kept < 3) { // two or more trials to go: stop the resumed run too, by SIGTERM this time
            try (ChildProcess resumed = bench(Map.of(), results, "int")) {
                awaitLine(resumed, "run int: 4 tasks");
                while (listContainers(null, owner(resumed)).isEmpty() && resumed.isAlive()) {
                    Thread.sleep(50); // a trial of the resumed run is in flight
                }
                resumed.signal(Signal.TERM);
                assertEquals(143, resumed.exitCode(Duration.ofSeconds(30)), resumed.output());
                assertOnlyTrueTrials(run, -1);
                assertEquals(List.of(), containersOf(null, owner(resumed)));
            }
        }
        try (ChildProcess last = bench(Map.of(), results, "int")) {
            assertEquals(0, last.exitCode(RUN), last.output());
            assertOnlyTrueTrials(run, 4);
            assertNoStackTrace(last);
            assertEquals("int", Files.readString(results.resolve("LATEST")).strip());
        }
    }

    @Test
    void aSecondWriterIsRefusedAndTheBenchStopsWhenItsParentDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path run = results.resolve("locked");
        try (ChildProcess first = bench(Map.of("AGENTX_STOP_WITH", Long.toString(parent.pid())), results, "locked")) {
            awaitLine(first, "run locked: 4 tasks");
            try (ChildProcess second = bench(Map.of(), results, "locked")) {
                assertEquals(RunFailure.Cause.LOCKED.exitCode(), second.exitCode(Duration.ofMinutes(2)), second.output());
                assertTrue(second.output().contains("run locked in " + run + " is being written by process " + first.pid() + " on host "
                        + dev.agentic.sandbox.DockerSandbox.hostName()), second.output());
                assertNoStackTrace(second);
            }
            awaitLine(first, "[1/4]");
            parent.destroyForcibly().waitFor(); // kill -9 of what started the bench, as of a Maven JVM
            assertEquals(143, first.exitCode(Duration.ofSeconds(30)), first.output());
            assertTrue(first.output().contains("the process " + parent.pid() + " that started this run ended: stopping"), first.output());
            assertTrue(first.output().contains("run locked interrupted: "), first.output());
            assertOnlyTrueTrials(run, -1);
            assertEquals(List.of(), containersOf(null, owner(first)));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aLostEngineIsWaitedForAndTheRunGoesOnWithNothingFalseStored() throws Exception {
        try (SecondEngine engine = SecondEngine.open()) {
            Path run = results.resolve("flaky");
            Map<String, String> env = Map.of("DOCKER_HOST", engine.host());
            try (ChildProcess bench = bench(env, results, "flaky", "--engine-wait", "2m")) {
                awaitLine(bench, "[1/4]");
                engine.stop();
                Thread.sleep(8000);
                engine.start();
                awaitLine(bench, "[3/4]");
                engine.kill();
                Thread.sleep(3000);
                engine.start();
                assertEquals(0, bench.exitCode(RUN), bench.output());
                assertTrue(bench.output().contains("the Docker engine at " + engine.host() + " does not answer"), bench.output());
                assertTrue(bench.output().contains("the Docker engine answers again after"), bench.output());
                assertOnlyTrueTrials(run, 4);
                assertNoStackTrace(bench);
                assertTrue(trials(run).stream().anyMatch(t -> t.has("retried_errors")
                        && t.get("retried_errors").toString().contains("the Docker engine at " + engine.host() + " was lost during it")),
                        "the trials repeated say why: " + trials(run));
                assertEquals(List.of(), containersOf(engine.host(), "dev.agentic.sandbox=true"), () -> "containers left on the engine:\n"
                        + engine.docker("ps", "-a", "--format", "{{.ID}} {{.Status}} {{.CreatedAt}} {{.Labels}}") + "\nbench output:\n"
                        + bench.output());
            }
        }
    }

    @Test
    void anEngineThatDoesNotComeBackStopsTheRunWithOneMessageAndTheRunResumesLater() throws Exception {
        try (SecondEngine engine = SecondEngine.open()) {
            Path run = results.resolve("gone");
            Map<String, String> env = Map.of("DOCKER_HOST", engine.host());
            try (ChildProcess bench = bench(env, results, "gone", "--engine-wait", "10s")) {
                awaitLine(bench, "[1/4]");
                engine.kill();
                assertEquals(RunFailure.Cause.ENGINE_LOST.exitCode(), bench.exitCode(Duration.ofMinutes(2)), bench.output());
                assertTrue(bench.output().contains("stopped because the Docker engine at " + engine.host() + " did not answer for 10s"),
                        bench.output());
                assertTrue(bench.output().contains("trials finished and kept in " + run), bench.output());
                assertNoStackTrace(bench);
                assertOnlyTrueTrials(run, -1);
            }
            engine.start();
            try (ChildProcess resumed = bench(env, results, "gone")) {
                assertEquals(0, resumed.exitCode(RUN), resumed.output());
                assertOnlyTrueTrials(run, 4);
                assertTrue(resumed.output().contains("left by an earlier, interrupted run") || containersOf(engine.host(),
                        "dev.agentic.sandbox=true").isEmpty());
                assertEquals(List.of(), containersOf(engine.host(), "dev.agentic.sandbox=true"), "containers left on the engine");
            }
        }
    }

    @Test
    void aDockerHostThatAnswersNothingIsAnErrorNamingIt() throws Exception {
        String dead = "unix:///tmp/agentic-no-engine-" + ProcessHandle.current().pid() + ".sock";
        try (ChildProcess bench = bench(Map.of("DOCKER_HOST", dead), results, "dead", "--engine-wait", "2s")) {
            assertEquals(3, bench.exitCode(Duration.ofMinutes(1)), bench.output());
            assertTrue(bench.output().contains("the Docker engine at " + dead + " does not answer (")
                    && bench.output().contains("waiting up to 2s for it"), "an engine that may be restarting is waited for: " + bench.output());
            assertTrue(bench.output().contains("the Docker engine at DOCKER_HOST=" + dead + " does not answer"), bench.output());
            assertNoStackTrace(bench);
            assertFalse(Files.exists(results.resolve("dead").resolve("trials.jsonl")));
        }
    }

    @Test
    void aRunWhereNothingWasGradedFailsNamingTheCauseAndLeavesLatestAlone() throws Exception {
        Files.writeString(results.resolve("LATEST"), "earlier\n");
        try (var closed = new java.net.ServerSocket(0)) {
            int port = closed.getLocalPort(); // bound, never accepting: then closed below, so connections are refused
            closed.close();
            try (ChildProcess bench = ChildProcess.agentCli(Map.of("OPENAI_API_KEY", "sk-unused-key-123456", "OPENAI_BASE_URL",
                    "http://127.0.0.1:" + port + "/v1"), "bench", "--suite", SUITE.toString(), "--variant", "exp-02", "--set",
                    "model=openai:gpt-4o-mini", "--results", results.toString(), "--run-id", "nothing", "--tasks", "tb/hello-world",
                    "--trials", "2", "--infra-retries", "0")) {
                assertEquals(RunFailure.Cause.UNHEALTHY.exitCode(), bench.exitCode(RUN), bench.output());
                assertTrue(bench.output().contains("run nothing measured nothing reliable: no trial of 2 was graded: 2 infrastructure"
                        + " failures, 0 task errors; dominant cause: infrastructure: the agent's episode ended with model_error"), bench.output());
                assertTrue(bench.output().contains("LATEST was not moved"), bench.output());
                assertNoStackTrace(bench);
            }
        }
        assertEquals("earlier", Files.readString(results.resolve("LATEST")).strip());
        for (JsonNode trial : trials(results.resolve("nothing"))) {
            assertEquals("INFRASTRUCTURE", trial.get("outcome").asText());
            assertTrue(trial.get("infra_error").asText().contains("model_error"), "an infrastructure failure carries its error: " + trial);
        }
        assertTrue(Files.readString(results.resolve("nothing").resolve("run.json")).contains("\"status\" : \"unhealthy\""));
    }

    @Test
    void tasksWithoutAScriptAreAllListedInOneMessageBeforeAnythingRuns() throws Exception {
        Path scripts = Files.createDirectories(results.resolve("scripts").resolve("tb"));
        Files.copy(SCRIPTS.resolve("tb/hello-world.yaml"), scripts.resolve("hello-world.yaml"));
        try (ChildProcess bench = ChildProcess.agentCli(Map.of("DOCKER_HOST", "unix:///nonexistent.sock"), "bench", "--suite",
                SUITE.toString(), "--variant", "exp-02", "--set", "model=scripted:" + scripts.getParent(), "--results",
                results.toString(), "--run-id", "scripts", "--tasks", "tb/*")) {
            assertEquals(2, bench.exitCode(Duration.ofMinutes(1)), bench.output());
            String out = bench.output();
            assertTrue(out.contains("cannot run 12 of 13 tasks"), out);
            for (String task : List.of("tb/broken-path-env", "tb/text-dedupe-normalize", "tb/git-recover-lost-commit")) {
                assertTrue(out.contains("\n  " + task + ": "), task + " is listed: " + out);
            }
            assertFalse(out.contains("tb/hello-world: "), out);
            assertFalse(out.contains("does not answer"), "the model is checked before the engine: " + out);
            assertNoStackTrace(bench);
        }
    }
}
