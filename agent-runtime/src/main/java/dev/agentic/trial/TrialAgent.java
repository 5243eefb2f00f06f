package dev.agentic.trial;

import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.model.Cost;
import dev.agentic.model.ModelClient;
import dev.agentic.model.Usage;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.task.Task;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.TrajectoryEvent;
import dev.agentic.trajectory.TrajectoryWriter;
import dev.agentic.verify.ReferenceSolution;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Who works on the task during a trial: the agent with its model ({@link ModelAgent}), or a
 * reference agent that needs none, for checking the tasks themselves ({@link Oracle}: the task's
 * reference solution; {@link Nop}: nothing at all), or commands given as code ({@link Acting}: attacks on the
 * grader, fixtures).
 */
public sealed interface TrialAgent permits TrialAgent.ModelAgent, TrialAgent.Oracle, TrialAgent.Nop, TrialAgent.Acting {

    /** Works on {@code task} in {@code sandbox} (commands run as the task's agent user) and says how it ended. */
    EpisodeResult act(Task task, Sandbox sandbox);

    /** The name results and messages use: {@code oracle}, {@code nop}, or the model. */
    String name();

    /**
     * The agent with a model made for this attempt; its trajectory is written to {@code trajectory}
     * (secrets redacted) and every event also goes to {@code listener} (a live transcript, or nothing).
     */
    record ModelAgent(AgentConfig config, ModelClient model, Path trajectory, Consumer<TrajectoryEvent> listener) implements TrialAgent {

        @Override
        public EpisodeResult act(Task task, Sandbox sandbox) {
            try (TrajectoryWriter writer = new TrajectoryWriter(trajectory, Secrets.standard())) {
                return new Agent(config, model, event -> {
                    writer.write(event);
                    listener.accept(event);
                }).run(sandbox, task.id(), task.instruction());
            }
        }

        @Override
        public String name() {
            return config.model().toString();
        }
    }

    /** Runs the task's reference solution; a solution that fails to run is reported, not hidden. */
    record Oracle() implements TrialAgent {

        @Override
        public EpisodeResult act(Task task, Sandbox sandbox) {
            long start = System.nanoTime();
            ReferenceSolution.apply(task, sandbox);
            return new EpisodeResult(ExitStatus.SUBMITTED, "the reference solution ran", null, 0, Usage.ZERO,
                    new Cost.Known(0, 0, false), Duration.ofNanos(System.nanoTime() - start));
        }

        @Override
        public String name() {
            return "oracle";
        }
    }

    /** Does nothing: a valid task must not pass under it. */
    record Nop() implements TrialAgent {

        @Override
        public EpisodeResult act(Task task, Sandbox sandbox) {
            return new EpisodeResult(ExitStatus.SUBMITTED, "nothing was done, on purpose", null, 0, Usage.ZERO,
                    new Cost.Known(0, 0, false), Duration.ZERO);
        }

        @Override
        public String name() {
            return "nop";
        }
    }

    /** Does what {@code action} does in the sandbox (an attack on the grader, a fixture's steps); it ends as a submission. */
    record Acting(String name, java.util.function.BiConsumer<Task, Sandbox> action) implements TrialAgent {

        @Override
        public EpisodeResult act(Task task, Sandbox sandbox) {
            long start = System.nanoTime();
            action.accept(task, sandbox);
            return new EpisodeResult(ExitStatus.SUBMITTED, name, null, 0, Usage.ZERO, new Cost.Known(0, 0, false),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
