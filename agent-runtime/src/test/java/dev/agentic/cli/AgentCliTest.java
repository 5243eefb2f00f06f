package dev.agentic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** agentx run on the sample task, in Docker, with the scripted model. */
class AgentCliTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path out;

    record Run(int exitCode, String stdout, String stderr) {}

    static Run agentx(String... args) {
        CommandLine cli = AgentCli.commandLine();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int code = cli.execute(args);
        return new Run(code, stdout.toString(), stderr.toString());
    }

    @Test
    void runsTheSampleTaskAndPrintsALiveTranscript() throws Exception {
        Path config = Files.writeString(out.resolve("settings.yaml"), "max-steps: 10\nmemory: full\n");
        Run run = agentx("run", "--task", REPO.resolve("experiments/tasks/hello-world").toString(),
                "--model", "scripted:" + REPO.resolve("experiments/scripts/tb/hello-world.yaml"), "--out", out.toString(),
                "--config", config.toString(), "--set", "memory=window:5");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("agentx run: task tb/hello-world (easy, file-operations)")
                .contains("── step 1")
                .contains("▶ bash {\"command\":\"pwd && ls -la\"}")
                .contains("⚠ self-diagnosis command-not-found")
                .contains("HELLO FROM THE SANDBOX!")
                .contains("══ submitted after 6 steps")
                .contains("tests: RESOLVED · 2 of 2 tests passing");
        assertThat(out.resolve("grade.json")).content().contains("\"outcome\" : \"RESOLVED\"");
        List<TrajectoryEvent> events = Trajectories.read(out.resolve("trajectory.jsonl"));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(TrajectoryEvent.End.class,
                end -> assertThat(end.exitStatus()).isEqualTo("submitted"));
        assertThat(((TrajectoryEvent.Start) events.get(0)).config()).containsEntry("max-steps", "10").containsEntry("wall-time", "300s")
                .containsEntry("memory", "window:5");
    }

    @Test
    void validateReportsEachTask() throws Exception {
        Path suite = out.resolve("suite.yaml");
        java.nio.file.Files.writeString(suite, "id: one\ntasks:\n  - " + REPO.resolve("experiments/tasks/hello-world") + "\n");
        Run run = agentx("validate", "--suite", suite.toString());
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).contains("VALID    tb/hello-world").contains("1 valid in");
    }

    @Test
    void summaryPrintsMarkdownOfARunAndOfAComparison() {
        Run run = agentx("summary", "--results", REPO.resolve("experiments/exp-02/results").toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("### exp-02 on offline-core: 75/75 resolved").contains("| failure labels | none 75 |");

        Run comparison = agentx("summary", "--results", REPO.resolve("experiments/exp-02-c/results").toString(),
                "--parent", REPO.resolve("experiments/exp-02/results").toString());
        assertThat(comparison.exitCode()).as(comparison.stderr()).isZero();
        assertThat(comparison.stdout()).startsWith("### WORSE: exp-02-c underperforms exp-02: resolved 16.0 % vs 100.0 %")
                .contains("| failure modes | introduced ").contains("| swe/agentic__iniconf-1 | 100 % | 0 % | none → format_errors |");
    }

    @Test
    void badInputGetsAClearMessageAndExitCode2() throws Exception {
        Run noTask = agentx("run", "--task", out.resolve("missing").toString(), "--model", "scripted:x.yaml");
        assertThat(noTask.exitCode()).isEqualTo(2);
        assertThat(noTask.stderr()).contains("task folder").contains("does not exist");

        Path task = Files.createDirectories(out.resolve("broken"));
        Files.writeString(task.resolve("task.yaml"), "instruction: do it\ndifficulty: brutal\n");
        Run badDifficulty = agentx("run", "--task", task.toString(), "--model", "scripted:x.yaml");
        assertThat(badDifficulty.exitCode()).isEqualTo(2);
        assertThat(badDifficulty.stderr()).contains("task.yaml:2:13: field 'difficulty': expected easy, medium, hard or unknown, got 'brutal'");

        Run badSetting = agentx("run", "--task", REPO.resolve("experiments/tasks/hello-world").toString(),
                "--model", "scripted:x.yaml", "--set", "memory=window:0");
        assertThat(badSetting.exitCode()).isEqualTo(2);
        assertThat(badSetting.stderr()).contains("--set memory=window:0: the number must be positive; expected full, window:<observations>");

        Path nested = Files.writeString(out.resolve("nested.yaml"), "limits:\n  max-steps: 3\n");
        Run badConfig = agentx("run", "--task", REPO.resolve("experiments/tasks/hello-world").toString(), "--model", "scripted:x.yaml",
                "--config", nested.toString());
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.stderr()).contains("nested.yaml:2:3: setting 'limits' must be a single value, found a mapping");

        Run missingScript = agentx("run", "--task", REPO.resolve("experiments/tasks/hello-world").toString(),
                "--model", "scripted:" + out.resolve("nope.yaml"));
        assertThat(missingScript.exitCode()).isEqualTo(2);
        assertThat(missingScript.stderr()).contains("nope.yaml does not exist");
    }
}
