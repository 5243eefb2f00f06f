package dev.agentic.planning;

/** Acts from the first step, never stops to reflect. */
public record NoPlanning() implements PlanningStrategy {

    @Override
    public String spec() {
        return "none";
    }
}
