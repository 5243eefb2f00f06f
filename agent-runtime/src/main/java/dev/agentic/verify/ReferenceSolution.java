package dev.agentic.verify;

import dev.agentic.sandbox.ExecOptions;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.task.HarborTask;
import dev.agentic.task.SweBenchTask;
import dev.agentic.task.Task;
import dev.agentic.task.TerminalBenchTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A task's reference solution, applied in its sandbox: Terminal-Bench {@code solution.sh}, Harbor
 * {@code solution/solve.sh}, the SWE-bench gold patch. The oracle agent applies it, and so do the
 * verifiers, on a fresh environment, to tell a broken task from an agent that broke its own.
 */
public final class ReferenceSolution {

    private ReferenceSolution() {}

    /** Applies it; a solution that fails to run is a {@link SandboxException} saying how, never hidden. */
    public static void apply(Task task, Sandbox sandbox) {
        String command;
        if (task instanceof TerminalBenchTask tb) {
            sandbox.writeFile("/oracle/solution.sh", read(tb.solution()), 0644);
            command = "bash /oracle/solution.sh";
        } else if (task instanceof HarborTask harbor) {
            sandbox.copyIn(harbor.solution().getParent(), "/oracle");
            command = "bash /oracle/solve.sh";
        } else {
            SweBenchTask swe = (SweBenchTask) task;
            sandbox.writeText("/oracle/gold.patch", swe.patch());
            command = "git apply --verbose /oracle/gold.patch";
        }
        ExecResult run = sandbox.exec(command, task.agentTimeout());
        sandbox.exec("rm -rf /oracle", Duration.ofSeconds(30), ExecOptions.asUser("root"));
        if (run.exitCode() != 0) {
            throw new SandboxException("the reference solution of " + task.id() + " failed (exit code " + run.exitCode() + "): "
                    + (run.stderr().isBlank() ? run.stdout() : run.stderr()).strip());
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SandboxException("cannot read the reference solution " + file + ": " + e.getMessage(), e);
        }
    }
}
