package dev.agentic.verify;

import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.task.TerminalBenchTask;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terminal-Bench grading: {@code tests/} and {@code run-tests.sh} are copied to {@code /tests}, the
 * script runs from the working directory with {@code TEST_DIR=/tests}, and the pytest summary
 * decides: resolved when at least one test ran and every test passed.
 */
public record TerminalBenchVerifier(TerminalBenchTask task, java.time.Duration testTimeout) implements Verifier {

    @Override
    public Grade verify(Sandbox sandbox, GraderGuard guard) {
        List<String> tampering = guard.changes(sandbox);
        if (!tampering.isEmpty()) {
            return Grade.of(Grade.Outcome.TAMPERED, Map.of(), "", java.time.Duration.ZERO,
                    "the grader's files changed while the agent worked: " + String.join(", ", tampering));
        }
        try {
            sandbox.exec("mkdir -p /tests", testTimeout);
            if (Files.isDirectory(task.tests())) {
                sandbox.copyIn(task.tests(), "/tests");
            }
            sandbox.writeFile("/tests/run-tests.sh", Files.readAllBytes(task.runTests()));
        } catch (IOException e) {
            throw new SandboxException("cannot read " + task.runTests() + ": " + e.getMessage(), e);
        }
        ExecResult run = sandbox.exec("cd " + task.workdir() + " && TEST_DIR=/tests bash /tests/run-tests.sh", testTimeout);
        return grade(run);
    }

    static Grade grade(ExecResult run) {
        String output = run.stdout() + (run.stderr().isEmpty() ? "" : "\n[stderr]\n" + run.stderr());
        if (run.timedOut()) {
            return Grade.of(Grade.Outcome.TEST_TIMEOUT, Map.of(), output, run.duration(),
                    "the tests did not finish within " + run.duration().toSeconds() + " s");
        }
        Optional<Map<String, TestStatus>> tests = PytestSummary.parse(run.stdout());
        if (tests.isEmpty() || tests.get().isEmpty()) {
            return Grade.of(Grade.Outcome.PARSE_ERROR, Map.of(), output, run.duration(),
                    "no pytest summary in the test output (exit code " + run.exitCode() + ")");
        }
        List<String> failing = tests.get().entrySet().stream().filter(e -> !e.getValue().passing())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        return failing.isEmpty()
                ? Grade.of(Grade.Outcome.RESOLVED, tests.get(), output, run.duration(), null)
                : Grade.of(Grade.Outcome.TESTS_FAILED, tests.get(), output, run.duration(), String.join(", ", failing));
    }
}
