package dev.agentic.suite;

import dev.agentic.task.Fingerprints;
import dev.agentic.task.TestFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages of a suite manifest as read: their tasks, the implicit stage, filtering, and the suite hash over them. */
class StagesTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @BeforeEach
    void tasks() throws Exception {
        for (String task : List.of("hello-world", "csv-to-json-report", "log-error-summary")) {
            TestFolders.copy(REPO.resolve("experiments/tasks/" + task), dir.resolve("tasks/" + task));
        }
    }

    private Suite suite(String stages) throws Exception {
        return Suite.load(Files.writeString(dir.resolve("suite.yaml"), "id: s\ntasks:\n  - tasks/*\n" + stages), "agentic/base:bookworm");
    }

    @Test
    void stagesTakeTheirTasksByGlobAndTheLastTakesTheRest() throws Exception {
        Suite suite = suite("""
                stages:
                  - name: screen
                    tasks: [hello-*, "tb/log-*"]
                    min_pass_rate: 0.25
                  - name: core
                """);
        assertThat(suite.staged()).isTrue();
        assertThat(suite.stages()).extracting(Stage::name).containsExactly("screen", "core");
        assertThat(suite.stages().get(0).tasks()).as("in the suite's order").containsExactly("tb/hello-world", "tb/log-error-summary");
        assertThat(suite.stages().get(0).globs()).containsExactly("hello-*", "tb/log-*");
        assertThat(suite.stages().get(0).minPassRate()).isEqualTo(0.25);
        assertThat(suite.stages().get(1).tasks()).containsExactly("tb/csv-to-json-report");
        assertThat(suite.stages().get(1).minPassRate()).as("no threshold: 0").isZero();

        Suite filtered = suite.filter(List.of(), List.of("hello-*", "log-*"));
        assertThat(filtered.stages()).as("a stage left without tasks is left out").extracting(Stage::name).containsExactly("core");
        assertThat(suite.filter(List.of("hello-*"), List.of()).stages().get(0).tasks()).containsExactly("tb/hello-world");
    }

    @Test
    void aSuiteWithoutStagesHasOneStageOfEveryCoreTaskAndKeepsItsHash() throws Exception {
        Suite plain = suite("");
        assertThat(plain.staged()).isFalse();
        assertThat(plain.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.name()).isEqualTo(Stage.IMPLICIT);
            assertThat(stage.tasks()).containsExactly("tb/csv-to-json-report", "tb/hello-world", "tb/log-error-summary");
            assertThat(stage.minPassRate()).isZero();
        });
        assertThat(plain.hash()).as("the hash of a suite without stages is what it was before stages existed")
                .isEqualTo(Fingerprints.ofSuite(plain.tasks(), plain.expansion(), plain.liveProcesses()));
    }

    @Test
    void theSuiteHashCoversStageNamesGlobsAndThresholds() throws Exception {
        String plain = suite("").hash();
        String staged = suite("stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass_rate: 0.2\n  - name: core\n").hash();
        assertThat(staged).isNotEqualTo(plain);
        assertThat(suite("stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass_rate: 0.2\n  - name: core\n").hash())
                .as("the same stages, the same hash").isEqualTo(staged);
        assertThat(suite("stages:\n  - name: screen\n    tasks: [tb/hello-world]\n    min_pass_rate: 0.3\n  - name: core\n").hash())
                .as("another threshold").isNotEqualTo(staged);
        assertThat(suite("stages:\n  - name: first\n    tasks: [tb/hello-world]\n    min_pass_rate: 0.2\n  - name: core\n").hash())
                .as("another name").isNotEqualTo(staged);
        assertThat(suite("stages:\n  - name: screen\n    tasks: [hello-world]\n    min_pass_rate: 0.2\n  - name: core\n").hash())
                .as("another glob for the same task").isNotEqualTo(staged);
    }
}
