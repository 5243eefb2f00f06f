package dev.agentic.agent;

/**
 * What a setting belongs to, for the rule that a child variant changes one thing of its parent: the
 * agent's dimensions (model, prompt, planning, memory, tool policy, diagnosis, sampling, prompt cache)
 * and the limits an episode runs under (steps, tokens, cost, wall time), which count as one.
 */
public enum Dimension {
    MODEL("model"),
    PROMPT("prompt"),
    PLANNING("planning"),
    MEMORY("memory"),
    TOOL_POLICY("tool policy"),
    DIAGNOSIS("diagnosis"),
    LIMITS("limits"),
    SAMPLING("sampling"),
    PROMPT_CACHE("prompt-cache");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** The name in messages and documentation: {@code tool policy}, {@code limits}, … */
    public String label() {
        return label;
    }

    /** Whether this is the episode's limits rather than a dimension of the agent's behaviour. */
    public boolean limits() {
        return this == LIMITS;
    }
}
