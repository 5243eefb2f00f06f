package dev.agentic.planning;

import dev.agentic.tool.Tool;
import dev.agentic.tool.ToolResult;
import java.util.List;
import java.util.Optional;

/** When the agent plans or reflects, and what it is asked. */
public sealed interface PlanningStrategy permits NoPlanning, PlanFirst, Reflect {

    /** A request for a plan before the first action, or empty. */
    default Optional<String> planRequest() {
        return Optional.empty();
    }

    /** Extra tools this strategy gives the model. */
    default List<Tool> tools() {
        return List.of();
    }

    /** A request for a reflection after {@code step}, given the results of its tool calls, or empty. */
    default Optional<String> reflectionRequest(int step, List<ToolResult> results) {
        return Optional.empty();
    }

    /** The textual form, e.g. {@code reflect:5}. */
    String spec();

    /** Parses {@code none}, {@code plan-first}, {@code reflect} or {@code reflect:K}. */
    static PlanningStrategy parse(String text) {
        String value = text == null ? "" : text.trim();
        String expected = "expected none, plan-first, reflect or reflect:<every K steps>";
        if (value.equals("none")) {
            return new NoPlanning();
        }
        if (value.equals("plan-first")) {
            return new PlanFirst();
        }
        if (value.equals("reflect")) {
            return new Reflect(0);
        }
        if (value.startsWith("reflect:")) {
            try {
                int every = Integer.parseInt(value.substring("reflect:".length()).trim());
                if (every < 1) {
                    throw new NumberFormatException();
                }
                return new Reflect(every);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("planning '" + text + "': K must be a positive whole number; " + expected);
            }
        }
        throw new IllegalArgumentException("planning '" + text + "': " + expected);
    }
}
