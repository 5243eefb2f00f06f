package dev.agentic.testing;

import dev.agentic.sandbox.DockerPlace;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.task.Task;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialAgent;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.verify.Grade;
import dev.agentic.verify.ReferenceSolution;
import java.time.Duration;
import java.util.Set;
import java.util.function.BiConsumer;

/** Attempts at tasks on the local Docker engine through the trial pipeline, with the steps of the attempt given as code. */
public record Attempts(TrialPipeline pipeline) {

    /** The task's reference solution. */
    public static final BiConsumer<Task, Sandbox> ORACLE = ReferenceSolution::apply;

    /** Nothing at all. */
    public static final BiConsumer<Task, Sandbox> NOP = (task, sandbox) -> { };

    /** On the local engine, graded by each task's benchmark; tasks in {@code liveProcesses} are also tested beside the agent's processes. */
    public static Attempts docker(Set<String> liveProcesses) {
        Place place = DockerPlace.fromEnvironment(Duration.ofMinutes(1));
        return new Attempts(TrialPipeline.at(place, Grading.benchmark(place, 1.0, liveProcesses)));
    }

    public static Attempts docker() {
        return docker(Set.of());
    }

    /** One attempt in which {@code steps} act, and its grade. */
    public Grade run(Task task, BiConsumer<Task, Sandbox> steps) {
        return pipeline.grade(task, new TrialAgent.Acting("steps", steps));
    }
}
