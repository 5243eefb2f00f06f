package dev.agentic.lineage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One variant of the agent: an id, its parent (null for a root), the hypothesis it tests, and the
 * settings it declares itself, in {@link dev.agentic.agent.AgentConfig#with(String, String)} form.
 *
 * @param why why the variant changes more than one dimension of its parent, or null
 * @param source where it was declared (a profile of a pom, a file), for messages
 */
public record Variant(String id, String parent, String hypothesis, Map<String, String> settings, String why, String source) {

    /** The dimensions a setting belongs to: one change of a child is one dimension. */
    static String dimension(String setting) {
        return switch (setting) {
            case "max-steps", "max-tokens", "max-cost", "wall-time" -> "limits";
            case "tools", "tool-timeout", "max-observation", "max-format-errors" -> "tool policy";
            case "temperature", "seed" -> "sampling";
            default -> setting;
        };
    }

    public Variant {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || !id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(source + ": variant id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
