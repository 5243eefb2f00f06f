package dev.agentic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.lineage.ResolvedVariant;
import dev.agentic.task.TestFolders;
import dev.agentic.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agentx bench} as the Maven goal starts it, in a JVM of its own and a real container: the variant comes
 * from a resolved file, and the run is described with paths relative to the repository its results are in, so
 * that a clone elsewhere describes the same run with the same configuration hash and resumes it.
 */
class ResolvedBenchTest {

    private static final Path REPO = AgentCliTest.REPO;
    private static final Duration RUN = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A repository holding a suite of one task, the scripts of the scripted model and the resolved variant. */
    private Path clone(String name) throws Exception {
        Path clone = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(clone.resolve(".git"));
        Path experiments = clone.resolve("experiments");
        TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), experiments.resolve("tasks/hello-world"));
        TestFolders.copy(REPO.resolve("experiments/scripts/tb/hello-world.yaml"), experiments.resolve("scripts/tb/hello-world.yaml"));
        Files.writeString(experiments.resolve("suite.yaml"), "id: one\ntasks:\n  - tasks/hello-world\n");
        new ResolvedVariant("child", "base", "a window of five", Map.of("model", "scripted:" + experiments.resolve("scripts"),
                "memory", "window:5", "max-steps", "20"), "profile child of " + experiments.resolve("pom.xml"))
                .write(experiments.resolve("target/agent/child.resolved.json"));
        return clone;
    }

    private static ChildProcess bench(Path clone) {
        Path experiments = clone.resolve("experiments");
        return ChildProcess.agentCli(Map.of(), "bench", "--resolved", experiments.resolve("target/agent/child.resolved.json").toString(),
                "--suite", experiments.resolve("suite.yaml").toString(), "--results", experiments.resolve("child/results").toString(),
                "--run-id", "r1", "--concurrency", "1");
    }

    @Test
    void theResolvedVariantRunsAndItsRunReadsTheSameInAnotherClone() throws Exception {
        Path one = clone("one");
        try (ChildProcess run = bench(one)) {
            assertThat(run.exitCode(RUN)).as(run.output()).isZero();
        }
        Path runFolder = one.resolve("experiments/child/results/r1");
        JsonNode info = JSON.readTree(runFolder.resolve("run.json").toFile());
        assertThat(info.get("variant").asText()).isEqualTo("child");
        assertThat(info.get("parent").asText()).isEqualTo("base");
        assertThat(info.get("hypothesis").asText()).isEqualTo("a window of five");
        assertThat(info.get("config").get("memory").asText()).isEqualTo("window:5");
        assertThat(info.get("config").get("max-steps").asText()).isEqualTo("20");
        assertThat(info.get("config").get("model").asText()).isEqualTo("scripted:experiments/scripts");
        assertThat(info.get("model").asText()).isEqualTo("scripted:experiments/scripts");
        assertThat(info.get("suite_manifest").asText()).isEqualTo("experiments/suite.yaml");
        assertThat(Files.readString(runFolder.resolve("run.json"))).doesNotContain(dir.toString());
        JsonNode start = JSON.readTree(Files.readAllLines(runFolder.resolve("trajectories/tb/hello-world.1.jsonl")).get(0));
        assertThat(start.get("model").asText()).isEqualTo("scripted:experiments/scripts");
        assertThat(start.get("config").get("model").asText()).isEqualTo("scripted:experiments/scripts");
        assertThat(start.get("config").get("memory").asText()).isEqualTo("window:5");

        assertThat(dev.agentic.bench.RunResults.load(one.resolve("experiments/child/results"), null, "child").run().suiteManifest())
                .as("read back as a path of this clone").isEqualTo(one.resolve("experiments/suite.yaml").toString());

        Path two = clone("two");
        TestFolders.copy(one.resolve("experiments/child"), two.resolve("experiments/child"));
        try (ChildProcess resumed = bench(two)) {
            assertThat(resumed.exitCode(RUN)).as("the same configuration in another clone resumes the run: " + resumed.output()).isZero();
            assertThat(resumed.output()).doesNotContain("another configuration");
        }
        JsonNode again = JSON.readTree(two.resolve("experiments/child/results/r1/run.json").toFile());
        assertThat(again.get("config_hash").asText()).isEqualTo(info.get("config_hash").asText());
        assertThat(again.get("config")).isEqualTo(info.get("config"));
        assertThat(Files.readAllLines(two.resolve("experiments/child/results/r1/trials.jsonl"))).as("nothing ran again").hasSize(1);
    }

    @Test
    void theResolvedFileIsTheOnlySourceOfTheVariant() throws Exception {
        Path one = clone("one");
        Path experiments = one.resolve("experiments");
        for (List<String> clash : List.of(List.of("--set", "memory=full"), List.of("--variant", "other"))) {
            AgentCliTest.Run run = AgentCliTest.agentx(java.util.stream.Stream.concat(java.util.stream.Stream.of("bench", "--resolved",
                    experiments.resolve("target/agent/child.resolved.json").toString(), "--suite", experiments.resolve("suite.yaml").toString(),
                    "--results", experiments.resolve("child/results").toString()), clash.stream()).toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).startsWith("--resolved " + experiments.resolve("target/agent/child.resolved.json")
                    + " gives the variant and its settings; leave out " + clash.get(0));
        }
        AgentCliTest.Run neither = AgentCliTest.agentx("bench", "--suite", experiments.resolve("suite.yaml").toString(),
                "--results", experiments.resolve("child/results").toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.stderr()).startsWith("Missing required option: '--variant=<id>' (or --resolved <file>)");
        assertThat(experiments.resolve("child/results")).doesNotExist();
    }
}
