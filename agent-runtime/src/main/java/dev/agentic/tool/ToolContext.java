package dev.agentic.tool;

import dev.agentic.sandbox.Sandbox;
import java.time.Duration;

/**
 * What a tool call may use.
 *
 * @param timeout how long a command may run (the per-call timeout, or less when the episode's
 *     time is nearly spent)
 */
public record ToolContext(Sandbox sandbox, ToolPolicy policy, Duration timeout) {

    /** {@code text} cut for the model: head and tail, with a marker where the middle was. */
    public String forModel(String text) {
        return Truncation.headTail(text, policy.maxObservationChars());
    }
}
