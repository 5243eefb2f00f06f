package dev.agentic.verify;

import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.Sandboxes;
import dev.agentic.task.HarborTask;
import dev.agentic.task.SweBenchTask;
import dev.agentic.task.Task;
import dev.agentic.task.TerminalBenchTask;

/** Grades what the agent left in its sandbox, the way the task's own benchmark does. */
public sealed interface Verifier permits TerminalBenchVerifier, HarborVerifier, SweBenchVerifier {

    /**
     * Copies the tests in, runs them under the task's test timeout and grades. Call only after the
     * agent has stopped; {@code guard} was taken before it started.
     */
    Grade verify(Sandbox sandbox, GraderGuard guard);

    /**
     * The verifier for {@code task}; SWE-bench grades in a fresh sandbox of {@code image} started by
     * {@code sandboxes}, as the official harness does.
     */
    static Verifier of(Task task, Sandboxes sandboxes, String image) {
        return of(task, sandboxes, image, task.testTimeout());
    }

    /** As {@link #of(Task, Sandboxes, String)}, with the tests' wall time given (e.g. scaled by a multiplier). */
    static Verifier of(Task task, Sandboxes sandboxes, String image, java.time.Duration testTimeout) {
        if (task instanceof TerminalBenchTask tb) {
            return new TerminalBenchVerifier(tb, testTimeout);
        }
        if (task instanceof HarborTask harbor) {
            return new HarborVerifier(harbor, testTimeout);
        }
        return new SweBenchVerifier((SweBenchTask) task, sandboxes, image, testTimeout);
    }
}
