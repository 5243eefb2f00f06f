package dev.agentic.verify;

import dev.agentic.testing.Attempts;
import dev.agentic.trial.TaskValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.task.SweBenchTask;
import dev.agentic.task.Task;
import dev.agentic.task.TaskImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One instance per SWE-bench log format (Django's runner, sympy's bin/test, and the pytest variants
 * the official harness keeps for astropy, matplotlib, seaborn and requests), in repositories of our
 * own whose FAIL_TO_PASS and PASS_TO_PASS are written as the official harness records them: graded
 * end to end in real containers, the gold patch resolves fully and no patch resolves nothing.
 */
class SweBenchFormatsTest {

    static final Path FORMATS = Path.of("src/test/resources/swe-formats");

    @Test
    void eachLogFormatGradesTheGoldPatchResolvedAndNoPatchUnresolved() {
        List<Task> tasks = new ArrayList<>(SweBenchTask.loadAll(FORMATS.resolve("instances.jsonl"), FORMATS.resolve("environments"),
                FORMATS.resolve("repos.yaml"), message -> { }));
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(6);
        Attempts attempt = Attempts.docker();
        List<TaskValidation.Result> results = new TaskValidation(attempt.pipeline(), 1, 2).validate(tasks, r -> { });
        for (TaskValidation.Result result : results) {
            SweBenchTask task = (SweBenchTask) result.task();
            Grade gold = result.oracle().get(0);
            assertThat(result.status()).as(task.id() + ": " + result.reason() + "\n" + gold.output()).isEqualTo(TaskValidation.Status.VALID);
            assertThat(gold.sweBench().resolution()).isEqualTo(SweBenchReport.Resolution.RESOLVED_FULL);
            assertThat(gold.sweBench().failToPassSuccess()).as(task.id()).containsExactlyInAnyOrderElementsOf(task.failToPass());
            assertThat(result.nop().get(0).outcome()).as(task.id()).isEqualTo(Grade.Outcome.NO_CHANGE);
        }
    }

    @Test
    void nopIsNotEnoughForTheFormats() {
        // a patch that only touches a comment applies, runs the tests and fails FAIL_TO_PASS in every format
        List<SweBenchTask> tasks = SweBenchTask.loadAll(FORMATS.resolve("instances.jsonl"), FORMATS.resolve("environments"),
                FORMATS.resolve("repos.yaml"), message -> { });
        TaskImages images = new TaskImages(Duration.ofMinutes(5));
        for (SweBenchTask task : tasks) {
            SweBenchVerifier verifier = new SweBenchVerifier(task, DockerSandbox::start, images.sandboxSpec(task), task.testTimeout());
            String touch = "diff --git a/NOTES.md b/NOTES.md\nnew file mode 100644\n--- /dev/null\n+++ b/NOTES.md\n@@ -0,0 +1 @@\n+notes\n";
            Grade grade = verifier.grade(touch);
            assertThat(grade.outcome()).as(task.id() + ": " + grade.detail() + "\n" + grade.output()).isEqualTo(Grade.Outcome.TESTS_FAILED);
            assertThat(grade.sweBench().failToPassFailure()).as(task.id()).containsExactlyInAnyOrderElementsOf(task.failToPass());
            assertThat(grade.sweBench().passToPassSuccess()).as(task.id()).containsExactlyInAnyOrderElementsOf(task.passToPass());
        }
    }

    @Test
    void aPatchOfARepositorysOwnTestRunnerIsTampering() {
        SweBenchTask django = SweBenchTask.loadAll(FORMATS.resolve("instances.jsonl"), FORMATS.resolve("environments"),
                FORMATS.resolve("repos.yaml"), message -> { }).stream().filter(t -> t.repo().equals("agentic/djangoish")).findFirst().orElseThrow();
        SweBenchVerifier verifier = new SweBenchVerifier(django, DockerSandbox::start,
                new TaskImages(Duration.ofMinutes(5)).sandboxSpec(django), django.testTimeout());
        String runner = "diff --git a/tests/runtests.py b/tests/runtests.py\n--- a/tests/runtests.py\n+++ b/tests/runtests.py\n"
                + "@@ -1 +1,2 @@\n #!/usr/bin/env python3\n+print('test_x (a.B) ... ok')\n";
        Grade grade = verifier.grade(runner);
        assertThat(grade.outcome()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(grade.detail()).contains("tests/runtests.py (the test runner's file)");
    }
}
