package dev.agentic.planning;

import dev.agentic.tool.ToolResult;
import java.util.List;
import java.util.Optional;

/**
 * A short reflection turn after a step whose command or test run failed, and every {@code every}
 * steps when {@code every > 0}.
 */
public record Reflect(int every) implements PlanningStrategy {

    public static final String AFTER_FAILURE = "The last command failed. In two or three sentences: what does the output tell"
            + " you, and what will you do differently next? Do not call tools in this answer.";
    public static final String PERIODIC = "Pause and reflect in two or three sentences: what have you established so far,"
            + " what remains, and is your approach working? Do not call tools in this answer.";

    @Override
    public Optional<String> reflectionRequest(int step, List<ToolResult> results) {
        boolean failed = results.stream().anyMatch(r -> r.exitCode() != null && r.error());
        if (failed) {
            return Optional.of(AFTER_FAILURE);
        }
        if (every > 0 && step % every == 0) {
            return Optional.of(PERIODIC);
        }
        return Optional.empty();
    }

    @Override
    public String spec() {
        return every > 0 ? "reflect:" + every : "reflect";
    }
}
