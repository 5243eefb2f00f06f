package dev.agentic.agent;

import dev.agentic.model.ModelClient;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.trajectory.TrajectoryEvent;
import java.util.function.Consumer;

/**
 * The coding agent: a configuration and a model. Each {@link #run} is one {@link Episode} in a
 * sandbox; every event of it goes to {@code events} as it happens.
 */
public final class Agent {

    static final String NO_TOOL_CALL = "No tool was called. Act through the tools; call submit when the task is done.";
    static final String SUMMARY_REQUEST = "Summarise the work so far for your own later use: what you learned about the"
            + " environment and code, what you changed, what failed, and what remains. Be concise and specific (paths,"
            + " commands, errors). Do not call tools.";

    private final AgentConfig config;
    private final ModelClient model;
    private final Consumer<TrajectoryEvent> events;

    public Agent(AgentConfig config, ModelClient model, Consumer<TrajectoryEvent> events) {
        this.config = config;
        this.model = model;
        this.events = events;
    }

    public EpisodeResult run(Sandbox sandbox, String taskName, String instruction) {
        return new Episode(config, model, events, sandbox).run(taskName, instruction);
    }
}
