package dev.agentic.trial;

import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.sandbox.ImageDefinitionException;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.ScopedSandbox;
import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import dev.agentic.task.TaskImages;
import dev.agentic.verify.Grade;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * One trial, the one way: the task's environment is started at a {@link Place}, the grading takes
 * what it needs, a {@link TrialAgent} works in the sandbox (as the task's agent user), the grading
 * grades, and the sandbox is removed whatever happens. Bench, run and validate all attempt tasks here.
 */
public final class TrialPipeline {

    private final Place place;
    private final Grading grading;
    private final Function<Task, SandboxSpec> environments;
    private final Map<String, String> labels;

    private TrialPipeline(Place place, Grading grading, Function<Task, SandboxSpec> environments, Map<String, String> labels) {
        this.place = place;
        this.grading = grading;
        this.environments = environments;
        this.labels = Map.copyOf(labels);
    }

    /** Trials at {@code place}, graded by {@code grading}; each task's environment is built (or pulled) before it starts. */
    public static TrialPipeline at(Place place, Grading grading) {
        return new TrialPipeline(place, grading, environments(place), Map.of());
    }

    /** For tests: the sandbox spec of each task given. */
    public static TrialPipeline at(Place place, Grading grading, Function<Task, SandboxSpec> environments) {
        return new TrialPipeline(place, grading, environments, Map.of());
    }

    /** The same pipeline, its containers labelled (e.g. with the run and the task, to find them later). */
    public TrialPipeline withLabels(Map<String, String> containerLabels) {
        return new TrialPipeline(place, grading, environments, containerLabels);
    }

    public Place place() {
        return place;
    }

    /**
     * Makes {@code task}'s environment ready before trials start (builds its image, say), so that
     * build failures show at once.
     *
     * @throws TaskException when it cannot be built from its definition
     */
    public void prepare(Task task) {
        environments.apply(task);
    }

    /** One attempt at {@code task} by {@code agent}. */
    public Attempt attempt(Task task, TrialAgent agent) {
        try {
            SandboxSpec spec = labels.isEmpty() ? environments.apply(task) : environments.apply(task).withLabels(labels);
            return attempt(task, agent, spec);
        } catch (TaskException | ImageDefinitionException broken) {
            return new Attempt.TaskBroken(broken.getMessage());
        } catch (Place.PlaceLost gone) {
            throw gone;
        } catch (SandboxException failed) {
            return new Attempt.Infrastructure(failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage());
        }
    }

    private Attempt attempt(Task task, TrialAgent agent, SandboxSpec spec) {
        try (Sandbox sandbox = place.start(spec)) {
            Grading.Check check = grading.before(task, spec, sandbox);
            long start = System.nanoTime();
            EpisodeResult episode = agent.act(task, ScopedSandbox.of(sandbox, task.agentExec()));
            long agentMs = (System.nanoTime() - start) / 1_000_000;
            if (episode.exitStatus() == ExitStatus.MODEL_ERROR || episode.exitStatus() == ExitStatus.SANDBOX_ERROR) {
                return new Attempt.Infrastructure("the agent's episode ended with " + episode.exitStatus().label() + ": "
                        + (episode.detail() == null ? "(no detail)" : episode.detail()));
            }
            String stopped = sandbox.notRunning();
            if (stopped != null) {
                return new Attempt.Infrastructure("the task's container stopped during the episode: " + stopped);
            }
            return new Attempt.Graded(episode, check.after(sandbox), agentMs);
        }
    }

    /**
     * One attempt's grade, for checking tasks and graders: a broken task is a {@code TASK_ERROR} grade
     * and a failure of the harness a {@code VERIFIER_ERROR} grade, each with its reason.
     */
    public Grade grade(Task task, TrialAgent agent) {
        Attempt attempt = attempt(task, agent);
        if (attempt instanceof Attempt.Graded graded) {
            return graded.grade();
        }
        if (attempt instanceof Attempt.TaskBroken broken) {
            return Grade.taskError(broken.error(), "", Duration.ZERO);
        }
        return Grade.of(Grade.Outcome.VERIFIER_ERROR, Map.of(), "", Duration.ZERO, ((Attempt.Infrastructure) attempt).error());
    }

    /** How a task's sandbox spec is found at {@code place}: its image source prepared there (built, pulled or loaded). */
    private static Function<Task, SandboxSpec> environments(Place place) {
        return new TaskImages(place, Duration.ofMinutes(10))::sandboxSpec;
    }
}
