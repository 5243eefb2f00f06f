package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.Sandboxes;
import dev.agentic.task.TerminalBenchTask;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terminal-Bench grading, as its harness does it, in the order of {@link TestRunInSnapshot}:
 * {@code tests/} and {@code run-tests.sh} are copied to {@code /tests} and the script runs as root
 * from the image's working directory with {@code TEST_DIR=/tests}; the last pytest summary decides:
 * resolved when at least one test ran and every test passed (PASSED, SKIPPED, XFAIL). A task without
 * {@code run-tests.sh} gets the default script ({@code terminal-bench-run-tests.sh}: pytest on
 * {@code $TEST_DIR/test_outputs.py} with {@code -rA}).
 */
public record TerminalBenchVerifier(TerminalBenchTask task, Sandboxes sandboxes, SandboxSpec pristine, Duration testTimeout, boolean besideProcesses)
        implements Verifier {

    static final String DEFAULT_RUN_TESTS = GraderGuard.resource("terminal-bench-run-tests.sh");
    private static final ExecOptions AS_ROOT = ExecOptions.asUser("root").withEnv(Map.of("TEST_DIR", "/tests"));

    @Override
    public Grade verify(Sandbox sandbox, GraderGuard guard) {
        Map<String, byte[]> shipped = TestRunInSnapshot.filesOf(task.tests(), "/tests");
        shipped.put("/tests/run-tests.sh", runTestsScript());
        return new TestRunInSnapshot(task, sandboxes, pristine, besideProcesses, shipped, copy -> grade(runTests(copy)),
                g -> g.outcome() == Grade.Outcome.PARSE_ERROR, "the tests print no pytest summary").grade(sandbox, guard);
    }

    private ExecResult runTests(Sandbox sandbox) {
        sandbox.exec("rm -rf /tests && mkdir -p /tests", testTimeout, AS_ROOT);
        if (Files.isDirectory(task.tests())) {
            sandbox.copyIn(task.tests(), "/tests");
        }
        sandbox.writeFile("/tests/run-tests.sh", runTestsScript(), 0644);
        return sandbox.exec("bash /tests/run-tests.sh", testTimeout, AS_ROOT);
    }

    /** The task's {@code run-tests.sh}, or the default script when it has none. */
    private byte[] runTestsScript() {
        try {
            return Files.isRegularFile(task.runTests()) ? Files.readAllBytes(task.runTests())
                    : DEFAULT_RUN_TESTS.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SandboxException("cannot read " + task.runTests() + ": " + e.getMessage(), e);
        }
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
