package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL cannot remove its containers; the next start does. */
class OrphanCleanupTest {

    /** Started as a separate JVM by the test: opens a sandbox, prints its container id, waits to be killed. */
    public static void main(String[] args) throws Exception {
        DockerSandbox sandbox = DockerSandbox.start(SandboxSpec.of(System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE))
                .withLabels(Map.of("dev.agentic.test", "orphan")));
        System.out.println(sandbox.containerId());
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    void containersOfAKilledProcessAreRemovedOnTheNextStart() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanCleanupTest.class.getName());
        builder.redirectError(new File("target/orphan-maker.err"));
        Process maker = builder.start();
        String containerId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(maker.getInputStream(), StandardCharsets.UTF_8))) {
            containerId = out.readLine();
        }
        assertThat(containerId).as("the child JVM printed its container id").isNotBlank();
        maker.destroyForcibly();
        maker.waitFor(10, TimeUnit.SECONDS);
        assertThat(exists(containerId)).as("a killed JVM leaves its container").isTrue();

        assertThat(DockerSandbox.removeOrphans()).isGreaterThanOrEqualTo(1);
        assertThat(exists(containerId)).isFalse();
    }

    private static boolean exists(String id) {
        return !DockerEngine.machine().client().listContainersCmd().withShowAll(true)
                .withIdFilter(java.util.List.of(id)).exec().isEmpty();
    }
}
