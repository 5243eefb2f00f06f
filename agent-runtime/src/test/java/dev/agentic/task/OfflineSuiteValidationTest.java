package dev.agentic.task;

import dev.agentic.suite.Suite;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.testing.Attempts;
import dev.agentic.trial.TaskValidation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The offline core suite validates clean: every task passes under its reference solution and
 * fails when nothing is done. Runs every task in real containers.
 */
class OfflineSuiteValidationTest {

    static final Path MANIFEST = Path.of("..", "experiments", "offline-core.yaml");

    @Test
    void everyTaskOfTheOfflineCoreSuiteIsValid() {
        Suite suite = Suite.load(MANIFEST, "agentic/base:bookworm");
        Map<String, Long> formats = suite.tasks().stream().collect(Collectors.groupingBy(Task::format, TreeMap::new, Collectors.counting()));
        assertThat(formats.get("terminal-bench")).isGreaterThanOrEqualTo(12);
        assertThat(formats.get("swe-bench")).isGreaterThanOrEqualTo(12);

        List<String> problems = new ArrayList<>();
        assertThat(suite.liveProcesses()).containsExactly("tb/process-port-cleanup");
        new TaskValidation(Attempts.docker(suite.liveProcesses()).pipeline(), 1, 2)
                .validate(suite.tasks(), result -> {
                    if (result.status() != TaskValidation.Status.VALID) {
                        synchronized (problems) {
                            problems.add(result.task().id() + ": " + result.status() + " " + result.reason());
                        }
                    }
                });
        assertThat(problems).isEmpty();
    }
}
