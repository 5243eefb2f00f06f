package dev.agentic.verify;

import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.Sandboxes;
import dev.agentic.task.Task;
import dev.agentic.task.TaskImages;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One attempt at a task: its environment is started, {@code actor} works in it, and the task's
 * own tests grade the result; the container is removed whatever happens.
 */
public final class TaskAttempt {

    private final TaskImages images;
    private final Sandboxes sandboxes;

    public TaskAttempt(TaskImages images, Sandboxes sandboxes) {
        this.images = images;
        this.sandboxes = sandboxes;
    }

    public Grade run(Task task, BiConsumer<Task, Sandbox> actor) {
        String image = images.imageFor(task);
        try (Sandbox sandbox = sandboxes.start(SandboxSpec.of(image).withWorkdir(task.workdir()))) {
            GraderGuard guard = GraderGuard.before(sandbox);
            actor.accept(task, sandbox);
            return Verifier.of(task, sandboxes, image).verify(sandbox, guard);
        } catch (SandboxException e) {
            return Grade.of(Grade.Outcome.VERIFIER_ERROR, Map.of(), "", Duration.ZERO, e.getMessage());
        }
    }
}
