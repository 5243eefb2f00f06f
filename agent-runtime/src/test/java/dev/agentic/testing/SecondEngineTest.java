package dev.agentic.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second engine through its life (start, stop, start, kill -9, start, close), and the bench run on it from a child JVM. */
class SecondEngineTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String IMAGE = System.getProperty("agentic.baseImage", dev.agentic.sandbox.SandboxSpec.BASE_IMAGE);

    @TempDir
    Path results;

    @Test
    void startsStopsIsKilledAndStartsAgainLeavingNothingBehind() {
        List<ProcessHandle> seen = new ArrayList<>();
        SecondEngine engine = SecondEngine.open();
        Path root = engine.root();
        assertThat(engine.host()).isEqualTo("unix://" + root + "/docker.sock");
        assertThat(pids(engine.processes())).as("dockerd and its own containerd").contains(engine.pid()).hasSizeGreaterThanOrEqualTo(2);
        seen.addAll(engine.processes());
        engine.docker("run", "--rm", "--network", "none", IMAGE, "true");

        engine.stop();
        assertThat(engine.processes()).isEmpty();
        assertThatThrownBy(() -> engine.docker("version")).hasMessageContaining("failed");

        engine.start();
        seen.addAll(engine.processes());
        engine.docker("run", "--rm", "--network", "none", IMAGE, "true"); // the image stayed in the data root
        String container = engine.docker("run", "-d", "--network", "none", "--init", IMAGE, "sleep", "600").strip();
        long sleeper = Long.parseLong(engine.docker("inspect", "-f", "{{.State.Pid}}", container).strip());
        assertThat(pids(engine.processes())).as("the daemon, containerd, the shim and the container's processes")
                .contains(engine.pid(), sleeper).hasSizeGreaterThanOrEqualTo(4);
        seen.addAll(engine.processes());

        engine.kill();
        assertThat(engine.running()).isFalse();
        assertThat(engine.processes()).as("a kill -9 of the engine takes its containerd, shims and containers with it").isEmpty();
        assertThat(Procfs.ended(sleeper)).as("the container's process is gone").isTrue();

        engine.start();
        seen.addAll(engine.processes());
        engine.docker("run", "--rm", "--network", "none", IMAGE, "true");
        engine.close();

        assertThat(seen.stream().filter(ProcessHandle::isAlive).filter(p -> !Procfs.ended(p.pid())).toList())
                .as("no process of the engine is left").isEmpty();
        assertThat(root).doesNotExist();
        assertThat(mountsUnder(root)).isEmpty();
    }

    @Test
    void benchOfAChildJvmRunsOnTheSecondEngineAndResumesAfterKill9() throws Exception {
        try (SecondEngine engine = SecondEngine.open()) {
            String[] bench = {"bench", "--suite", REPO.resolve("experiments/offline-core.yaml").toString(), "--variant", "second-engine",
                "--set", "model=scripted:" + REPO.resolve("experiments/scripts"), "--results", results.toString(), "--run-id", "r",
                "--tasks", "tb/hello-world", "--trials", "3", "--concurrency", "1", "--image", IMAGE};
            try (ChildProcess first = ChildProcess.agentCli(java.util.Map.of("DOCKER_HOST", engine.host()), bench)) {
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (engine.docker("ps", "-aq", "--filter", "label=dev.agentic.run=r").isBlank()) {
                    assertThat(first.isAlive()).as("the bench runs until its first container starts:\n%s", first.output()).isTrue();
                    assertThat(System.nanoTime()).as("a container of the run within 5 minutes").isLessThan(deadline);
                    Thread.sleep(100);
                }
                first.signal(Signal.KILL);
                assertThat(first.exitCode(Duration.ofSeconds(30))).isEqualTo(128 + 9);
            }
            assertThat(engine.docker("image", "ls", "-q", "agentic/task-tb-hello-world")).as("the task image was built on the second engine")
                    .isNotBlank();

            try (ChildProcess resumed = ChildProcess.agentCli(java.util.Map.of("DOCKER_HOST", engine.host()), bench)) {
                assertThat(resumed.exitCode(Duration.ofMinutes(5))).as(resumed.output()).isZero();
                assertThat(resumed.output()).contains("run r: 1 task × 3 trials = 3;");
            }
            List<String> rows = Files.readAllLines(results.resolve("r/trials.jsonl"));
            assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).contains("\"resolved\":true"));
            assertThat(engine.docker("ps", "-aq")).as("no container left on the second engine").isBlank();
        }
    }

    private static List<Long> pids(List<ProcessHandle> processes) {
        return processes.stream().map(ProcessHandle::pid).toList();
    }

    private static List<String> mountsUnder(Path root) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(line -> line.contains(" " + root)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
