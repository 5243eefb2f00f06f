package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import dev.agentic.testing.Attempts;
import dev.agentic.trial.TaskValidation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.task.HarborTask;
import dev.agentic.task.Task;
import dev.agentic.task.TaskImages;
import dev.agentic.task.TerminalBenchTask;
import dev.agentic.task.TestFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminal-Bench and Harbor grading in real containers, including what an agent must not be able to do. */
class VerificationTest {

    static final Path FIXTURES = Path.of("src/test/resources/tasks");
    static final Attempts ATTEMPT = Attempts.docker();
    static final Duration SHORT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void terminalBenchOracleAndNop() {
        Task task = TerminalBenchTask.load(FIXTURES.resolve("tb-compose"));
        Grade solved = ATTEMPT.run(task, Attempts.ORACLE);
        assertThat(solved.outcome()).as(solved.detail()).isEqualTo(Grade.Outcome.RESOLVED);
        assertThat(solved.tests()).containsEntry("../tests/test_outputs.py::test_status", TestStatus.PASSED);

        Grade nothing = ATTEMPT.run(task, Attempts.NOP);
        assertThat(nothing.outcome()).isEqualTo(Grade.Outcome.TESTS_FAILED);
        assertThat(nothing.detail()).contains("test_status FAILED");
    }

    @Test
    void testsAreNotThereWhileTheAgentWorks() {
        Task task = TerminalBenchTask.load(FIXTURES.resolve("tb-compose"));
        Grade grade = ATTEMPT.run(task, (t, sandbox) -> {
            assertThat(sandbox.exec("ls /tests /app/tests /app/solution.sh /app/run-tests.sh 2>&1; true", SHORT).stdout())
                    .contains("No such file").doesNotContain("test_outputs.py");
            sandbox.exec("echo ok > /app/status.txt", SHORT);
        });
        assertThat(grade.resolved()).isTrue();
    }

    @Test
    void plantingFilesWhereTheGraderWillLookIsTampering() {
        Task task = TerminalBenchTask.load(FIXTURES.resolve("tb-compose"));
        Grade conftest = ATTEMPT.run(task, (t, sandbox) -> sandbox.exec(
                "mkdir -p /tests && printf 'import pytest\\n@pytest.hookimpl(tryfirst=True)\\ndef pytest_runtest_call(item):\\n    pass\\n' > /tests/conftest.py",
                SHORT));
        assertThat(conftest.outcome()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(conftest.detail()).contains("/tests created");
        assertThat(conftest.resolved()).isFalse();

        Grade pytestPatched = ATTEMPT.run(task, (t, sandbox) -> sandbox.exec(
                "echo '# patched' >> /usr/lib/python3/dist-packages/_pytest/runner.py", SHORT));
        assertThat(pytestPatched.outcome()).isEqualTo(Grade.Outcome.TAMPERED);
        assertThat(pytestPatched.detail()).contains("/usr/lib/python3/dist-packages/_pytest changed (the test runner's code)");
    }

    @Test
    void slowTestsTimeOutAndOutputWithoutSummaryIsAParseError() throws Exception {
        Path slow = copy(FIXTURES.resolve("tb-compose"), dir.resolve("slow"));
        Files.writeString(slow.resolve("task.yaml"), "instruction: x\nmax_test_timeout_sec: 2\n");
        Files.writeString(slow.resolve("run-tests.sh"), "#!/bin/bash\nsleep 30\n");
        Grade timeout = ATTEMPT.run(TerminalBenchTask.load(slow), Attempts.ORACLE);
        assertThat(timeout.outcome()).isEqualTo(Grade.Outcome.TEST_TIMEOUT);

        Path quiet = copy(FIXTURES.resolve("tb-compose"), dir.resolve("quiet"));
        Files.writeString(quiet.resolve("run-tests.sh"), "#!/bin/bash\npython3 -m pytest -q \"$TEST_DIR/test_outputs.py\"\n");
        Grade noSummary = ATTEMPT.run(TerminalBenchTask.load(quiet), Attempts.ORACLE);
        assertThat(noSummary.outcome()).as("-q prints a summary only for failures: after the reference solution there is none")
                .isEqualTo(Grade.Outcome.TASK_ERROR);
        assertThat(noSummary.output()).contains("1 passed");

        Path silent = copy(FIXTURES.resolve("tb-compose"), dir.resolve("silent"));
        Files.writeString(silent.resolve("run-tests.sh"), "#!/bin/bash\npython3 -m pytest -q -rN \"$TEST_DIR/test_outputs.py\"\n");
        Grade broken = ATTEMPT.run(TerminalBenchTask.load(silent), Attempts.ORACLE);
        assertThat(broken.outcome()).as("no summary even without the agent: the task is broken").isEqualTo(Grade.Outcome.TASK_ERROR);
        assertThat(broken.detail()).contains("even after the reference solution, on the environment as built");
        Grade nopBroken = ATTEMPT.run(TerminalBenchTask.load(silent), Attempts.NOP);
        assertThat(nopBroken.outcome()).isEqualTo(Grade.Outcome.TASK_ERROR);
    }

    @Test
    void harborRewardFile() throws Exception {
        HarborTask task = HarborTask.load(FIXTURES.resolve("harbor-count-lines"));
        Grade solved = ATTEMPT.run(task, Attempts.ORACLE);
        assertThat(solved.outcome()).as(solved.detail() + solved.output()).isEqualTo(Grade.Outcome.RESOLVED);
        assertThat(solved.reward()).isEqualTo(1.0);
        Grade nothing = ATTEMPT.run(task, Attempts.NOP);
        assertThat(nothing.outcome()).isEqualTo(Grade.Outcome.TESTS_FAILED);
        assertThat(nothing.reward()).isZero();

        Grade forged = ATTEMPT.run(task, (t, sandbox) -> sandbox.exec("mkdir -p /logs/verifier && echo 1 > /logs/verifier/reward.txt", SHORT));
        assertThat(forged.outcome()).isEqualTo(Grade.Outcome.TAMPERED);

        Path silent = copy(FIXTURES.resolve("harbor-count-lines"), dir.resolve("silent"));
        Files.writeString(silent.resolve("tests/test.sh"), "#!/bin/bash\necho done\n");
        Grade missing = ATTEMPT.run(HarborTask.load(silent), Attempts.ORACLE);
        assertThat(missing.outcome()).as("no reward even without the agent: the task is broken").isEqualTo(Grade.Outcome.TASK_ERROR);
        assertThat(missing.detail()).contains("writes no reward even after the reference solution").contains("done");
    }

    @Test
    void harborWorkdirUserAndVerifierSettingsApply() {
        TaskValidation validation = new TaskValidation(ATTEMPT.pipeline(), 1, 2);
        List<TaskValidation.Result> results = validation.validate(List.of(HarborTask.load(FIXTURES.resolve("harbor-workdir")),
                HarborTask.load(FIXTURES.resolve("harbor-user"))), r -> { });
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.task().id() + ": " + r.reason()).isEqualTo(TaskValidation.Status.VALID));
        assertThat(results.get(1).oracle().get(0).rewards()).containsEntry("reward", 1.0).containsEntry("checks", 4.0);
    }

    @Test
    void harborMemoryLimitStopsAnAllocationPastIt() throws Exception {
        Path small = copy(FIXTURES.resolve("harbor-workdir"), dir.resolve("small"));
        Files.writeString(small.resolve("task.toml"), "[environment]\nmemory_mb = 64\n");
        HarborTask task = HarborTask.load(small);
        Grade grade = ATTEMPT.run(task, (t, sandbox) -> {
            var alloc = sandbox.exec("python3 -c 'b = bytearray(300 << 20); print(len(b))'", SHORT);
            assertThat(alloc.exitCode()).as("a 300 MiB allocation in a 64 MB task: " + alloc.stdout() + alloc.stderr()).isNotZero();
            assertThat(alloc.stdout()).doesNotContain(String.valueOf(300 << 20));
            assertThat(sandbox.exec("python3 -c 'b = bytearray(16 << 20); print(len(b))'", SHORT).exitCode()).isZero();
        });
        assertThat(grade.resolved()).isFalse();
    }

    @Test
    void terminalBenchWithoutRunTestsUsesTheDefaultScript() {
        TerminalBenchTask task = TerminalBenchTask.load(FIXTURES.resolve("tb-default-tests"));
        assertThat(task.runTests()).doesNotExist();
        TaskValidation.Result result = new TaskValidation(ATTEMPT.pipeline(), 1, 1).validate(List.of(task), r -> { }).get(0);
        assertThat(result.status()).as(result.reason()).isEqualTo(TaskValidation.Status.VALID);
        assertThat(result.oracle().get(0).tests()).containsEntry("../tests/test_outputs.py::test_status", TestStatus.PASSED);
    }

    @Test
    void aDockerfileThatFailsIsATaskErrorNamingItsLineAndABaseImageTheEngineCannotGetIsNot() throws Exception {
        Path broken = copy(FIXTURES.resolve("tb-compose"), dir.resolve("broken"));
        Files.writeString(broken.resolve("Dockerfile"), "# the environment\nFROM agentic/base:bookworm\nRUN true \\\n    && exit 3\n");
        Path unparsable = copy(FIXTURES.resolve("tb-compose"), dir.resolve("unparsable"));
        Files.writeString(unparsable.resolve("Dockerfile"), "FROM agentic/base:bookworm\nWORKDIR /app\nFORM x\n");
        Path missingBase = copy(FIXTURES.resolve("tb-compose"), dir.resolve("missing-base"));
        Files.writeString(missingBase.resolve("Dockerfile"), "FROM agentic/no-such-image:1\n");
        List<TaskValidation.Result> results = new TaskValidation(ATTEMPT.pipeline(), 1, 1).validate(List.of(TerminalBenchTask.load(broken),
                TerminalBenchTask.load(unparsable), TerminalBenchTask.load(missingBase), TerminalBenchTask.load(FIXTURES.resolve("tb-compose"))),
                r -> { });
        assertThat(results).extracting(TaskValidation.Result::status).containsExactly(TaskValidation.Status.INVALID,
                TaskValidation.Status.INVALID, TaskValidation.Status.INVALID, TaskValidation.Status.VALID);
        assertThat(results.get(0).oracle().get(0).outcome()).isEqualTo(Grade.Outcome.TASK_ERROR);
        assertThat(results.get(0).reason()).contains("task_error", broken.resolve("Dockerfile") + ":3: building image ",
                " failed at RUN true && exit 3: ");
        assertThat(results.get(1).oracle().get(0).outcome()).isEqualTo(Grade.Outcome.TASK_ERROR);
        assertThat(results.get(1).reason()).contains(unparsable.resolve("Dockerfile") + ":3: building image ", "unknown instruction");
        // no registry answers here: the engine lacks the image, which says nothing about the task
        assertThat(results.get(2).oracle().get(0).outcome()).as(results.get(2).reason()).isEqualTo(Grade.Outcome.VERIFIER_ERROR);
        assertThat(results.get(2).reason()).doesNotContain("task_error").contains(missingBase.resolve("Dockerfile")
                + ":1: FROM agentic/no-such-image:1: the base image is not on the Docker engine at ", " and it could not be pulled (");
    }

    private static Path copy(Path source, Path target) throws Exception {
        return TestFolders.copy(source, target);
    }
}
