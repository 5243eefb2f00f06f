package dev.agentic.planning;

import dev.agentic.tool.Tool;
import java.util.List;
import java.util.Optional;

/** A numbered plan before acting, pinned after the task; the model revises it with {@code update_plan}. */
public record PlanFirst() implements PlanningStrategy {

    public static final String REQUEST = "Before acting, write a short numbered plan (at most 7 steps) for this task:"
            + " what to inspect, what to change, and how you will verify the result. Do not call tools yet.";

    @Override
    public Optional<String> planRequest() {
        return Optional.of(REQUEST);
    }

    @Override
    public List<Tool> tools() {
        return List.of(new UpdatePlanTool());
    }

    @Override
    public String spec() {
        return "plan-first";
    }
}
