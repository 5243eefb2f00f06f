package dev.agentic.verify;

import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.Sandboxes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How Terminal-Bench and Harbor tasks are graded here, in the order that keeps the agent out of the
 * grader's way while the tests still see what the agent left:
 * <ol>
 *   <li>the agent's sandbox is copied (files only) into a fresh container, where none of its
 *       processes runs; there {@link GraderGuard#check} looks for tampering and the tests run: a
 *       pass there is a pass;</li>
 *   <li>otherwise, if the agent left processes running and the suite says the task's tests need them
 *       (a server or worker the task asked for: {@code live_processes}), the tests run once more in the
 *       agent's own sandbox beside them, as the benchmarks' harnesses run them; afterwards the copied-in tests must be unchanged and the fingerprints still match, or it
 *       is tampering with the processes named; a pass there says the processes were needed;</li>
 *   <li>tests that give no result are run on a fresh container of the environment as built, after
 *       the task's reference solution: no result there either means the task is broken
 *       ({@link Grade.Outcome#TASK_ERROR}); otherwise the agent broke what the tests need.</li>
 * </ol>
 */
record TestRunInSnapshot(dev.agentic.task.Task task, Sandboxes sandboxes, SandboxSpec pristine, boolean besideProcesses,
                         Map<String, byte[]> shipped,
                         Function<Sandbox, Grade> runTests, Predicate<Grade> noResult, String noResultReason) {

    /** The files of host folder {@code dir} by their path under {@code sandboxDir}, as the tests are copied in. */
    static Map<String, byte[]> filesOf(Path dir, String sandboxDir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(sandboxDir + "/" + dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new dev.agentic.task.TaskException("cannot read the tests in " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    Grade grade(Sandbox sandbox, GraderGuard guard) {
        Grade grade;
        Sandbox started;
        try {
            started = sandbox.freshCopy();
        } catch (SandboxException e) {
            if (sandbox.exec("true", Duration.ofSeconds(30)).exitCode() != 0) {
                throw e; // the engine, not the agent's files
            }
            // the agent's container still answers, its copy does not start: its files broke the start (e.g. /bin/sleep)
            return Grade.tampered(List.of(new GraderGuard.Tampering("grader", "a fresh copy of the agent's container",
                    "cannot start: " + e.getMessage())));
        }
        try (Sandbox copy = started) {
            List<GraderGuard.Tampering> tampering = guard.check(copy);
            if (!tampering.isEmpty()) {
                return Grade.tampered(tampering);
            }
            grade = runTests.apply(copy);
        }
        if (grade.resolved()) {
            return grade;
        }
        List<String> processes = guard.agentProcesses(sandbox);
        if (!processes.isEmpty() && !besideProcesses) {
            grade = grade.withDetail((grade.detail() == null ? "" : grade.detail() + "; ") + "the tests ran without the processes the agent left"
                    + " running (" + String.join(", ", processes) + "): the suite does not list this task under live_processes");
        } else if (!processes.isEmpty()) {
            Grade live = runTests.apply(sandbox);
            List<GraderGuard.Tampering> tampering = new ArrayList<>(changedTests(sandbox));
            tampering.addAll(guard.checkAfterTests(sandbox));
            if (!tampering.isEmpty()) {
                Grade tampered = Grade.tampered(tampering);
                return Grade.of(Grade.Outcome.TAMPERED, live.tests(), live.output(), live.duration(), tampered.detail()
                        + "; while the tests ran beside the agent's processes: " + String.join(", ", processes));
            }
            if (live.resolved()) {
                return live.withDetail("resolved with the agent's processes still running (without them the tests failed: "
                        + grade.outcome() + "): " + String.join(", ", processes));
            }
        }
        return noResult.test(grade) ? blame(grade) : grade;
    }

    /**
     * Tests that gave no result after the agent: the task's fault only if they give none after its
     * reference solution either, on a fresh container of the environment as built. Without a
     * reference solution nothing says the task is broken, and the grade stands against the agent.
     */
    private Grade blame(Grade grade) {
        if (!hasReferenceSolution()) {
            return grade;
        }
        try (Sandbox fresh = sandboxes.start(pristine)) {
            try {
                ReferenceSolution.apply(task, dev.agentic.sandbox.ScopedSandbox.of(fresh, task.agentExec()));
            } catch (SandboxException failed) {
                return Grade.taskError("the reference solution fails on the environment as built: " + failed.getMessage(), "", Duration.ZERO);
            }
            Grade solved = runTests.apply(fresh);
            if (noResult.test(solved)) {
                return Grade.taskError(noResultReason + " even after the reference solution, on the environment as built ("
                        + solved.detail() + ")", solved.output(), solved.duration());
            }
        }
        return grade;
    }

    private boolean hasReferenceSolution() {
        if (task instanceof dev.agentic.task.TerminalBenchTask tb) {
            return Files.isRegularFile(tb.solution());
        }
        return task instanceof dev.agentic.task.HarborTask harbor && Files.isRegularFile(harbor.solution());
    }

    /** The copied-in test files that are no longer what the task ships, read through the engine. */
    private List<GraderGuard.Tampering> changedTests(Sandbox sandbox) {
        List<GraderGuard.Tampering> changed = new ArrayList<>();
        shipped.forEach((path, content) -> {
            try {
                if (!Arrays.equals(sha256(sandbox.readFile(path)), sha256(content))) {
                    changed.add(new GraderGuard.Tampering("grader", path, "changed"));
                }
            } catch (SandboxException gone) {
                changed.add(new GraderGuard.Tampering("grader", path, "removed"));
            }
        });
        return changed;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
