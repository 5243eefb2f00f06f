package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On the real Docker engine: these tests fail, never skip, when no engine answers. */
class DockerSandboxTest extends SandboxContract {

    static final String IMAGE = System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE);
    static final String RUN = UUID.randomUUID().toString();
    static final Map<String, String> LABELS = Map.of("dev.agentic.test-run", RUN);

    static DockerSandbox shared;

    @BeforeAll
    static void start() {
        shared = DockerSandbox.start(SandboxSpec.of(IMAGE).withEnv(Map.of("GREETING", "hello")).withLabels(LABELS));
    }

    @AfterAll
    static void closeAndCheckNothingIsLeft() {
        shared.close();
        assertThat(containersOfThisRun()).as("containers left by this test class").isEmpty();
    }

    @Override
    Sandbox sandbox() {
        return shared;
    }

    @Test
    void thereIsNoNetworkInside() {
        ExecResult interfaces = shared.exec("ls /sys/class/net", TEN_SECONDS);
        assertThat(interfaces.stdout().split("\\s+")).containsExactly("lo");

        ExecResult connect = shared.exec(
                "python3 -c 'import socket; socket.create_connection((\"93.184.215.14\", 80), timeout=3)'", TEN_SECONDS);
        assertThat(connect.exitCode()).isNotZero();
        assertThat(connect.stderr()).contains("Network is unreachable");
    }

    @Test
    void memoryLimitIsEnforced() {
        ResourceLimits small = new ResourceLimits(1, 64L << 20, 64);
        try (DockerSandbox limited = DockerSandbox.start(SandboxSpec.of(IMAGE).withLimits(small).withLabels(LABELS))) {
            ExecResult fits = limited.exec("python3 -c 'b = bytearray(16 << 20); print(len(b))'", TEN_SECONDS);
            assertThat(fits.stdout()).isEqualTo("16777216\n");

            ExecResult tooBig = limited.exec("python3 -c 'b = bytearray(256 << 20); print(len(b))'", TEN_SECONDS);
            assertThat(tooBig.exitCode()).as("killed by the OOM killer or MemoryError").isNotZero();
            assertThat(tooBig.stdout()).isEmpty();
            assertThat(limited.exec("cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes", TEN_SECONDS).stdout().trim())
                    .isEqualTo(Long.toString(64L << 20));
        }
    }

    @Test
    void processLimitIsEnforced() {
        ResourceLimits fewProcesses = new ResourceLimits(1, 256L << 20, 20);
        try (DockerSandbox limited = DockerSandbox.start(SandboxSpec.of(IMAGE).withLimits(fewProcesses).withLabels(LABELS))) {
            ExecResult forks = limited.exec("for i in $(seq 1 40); do sleep 1 & done 2>&1; wait", TEN_SECONDS);
            assertThat(forks.stdout() + forks.stderr()).contains("fork");
        }
    }

    @Test
    void closedSandboxRefusesWorkAndItsContainerIsGone() {
        DockerSandbox sandbox = DockerSandbox.start(SandboxSpec.of(IMAGE).withLabels(LABELS));
        String id = sandbox.containerId();
        sandbox.close();
        sandbox.close();

        assertThatThrownBy(() -> sandbox.exec("true", TEN_SECONDS)).isInstanceOf(SandboxException.class).hasMessageContaining("closed");
        assertThat(containersOfThisRun()).extracting(Container::getId).doesNotContain(id);
    }

    @Test
    void aMissingImageIsReportedByName() {
        assertThatThrownBy(() -> DockerSandbox.start(SandboxSpec.of("agentic/does-not-exist:1").withLabels(LABELS)))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("agentic/does-not-exist:1")
                .hasMessageContaining("not present");
    }

    static List<Container> containersOfThisRun() {
        return DockerEngine.machine().client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("dev.agentic.test-run", RUN))
                .exec();
    }
}
