package dev.agentic.tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which tools the model gets and how they behave: the per-call timeout, how many characters of
 * an observation the model sees, and how many consecutive format errors end the episode.
 * Written {@code bash,editor,search,submit}; {@code submit} is always included.
 */
public record ToolPolicy(List<String> tools, Duration callTimeout, int maxObservationChars, int maxFormatErrors) {

    private static final Map<String, Supplier<Tool>> KNOWN = Map.of(
            BashTool.NAME, BashTool::new,
            EditorTool.NAME, EditorTool::new,
            SearchTool.NAME, SearchTool::new,
            SubmitTool.NAME, SubmitTool::new);

    public static final ToolPolicy DEFAULT = new ToolPolicy(
            List.of(BashTool.NAME, EditorTool.NAME, SearchTool.NAME, SubmitTool.NAME), Duration.ofSeconds(120), 10_000, 3);

    public ToolPolicy {
        Set<String> names = new LinkedHashSet<>();
        for (String tool : tools) {
            if (!KNOWN.containsKey(tool)) {
                throw new IllegalArgumentException("unknown tool '" + tool + "'; known tools: bash, editor, search, submit");
            }
            names.add(tool);
        }
        names.add(SubmitTool.NAME);
        tools = List.copyOf(names);
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("tool timeout must be positive, got " + callTimeout);
        }
        if (maxObservationChars < 100) {
            throw new IllegalArgumentException("max observation length must be at least 100 characters, got " + maxObservationChars);
        }
        if (maxFormatErrors < 1) {
            throw new IllegalArgumentException("max format errors must be at least 1, got " + maxFormatErrors);
        }
    }

    /** Parses {@code bash,editor,submit}. */
    public static List<String> parseTools(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("tools '" + text + "': expected a comma-separated list of bash, editor, search, submit");
        }
        return names;
    }

    /** Fresh tool instances for one episode. */
    public List<Tool> createTools() {
        return tools.stream().map(name -> KNOWN.get(name).get()).toList();
    }

    public ToolPolicy withTools(List<String> names) {
        return new ToolPolicy(names, callTimeout, maxObservationChars, maxFormatErrors);
    }

    public ToolPolicy withCallTimeout(Duration timeout) {
        return new ToolPolicy(tools, timeout, maxObservationChars, maxFormatErrors);
    }

    public ToolPolicy withMaxObservationChars(int chars) {
        return new ToolPolicy(tools, callTimeout, chars, maxFormatErrors);
    }

    public ToolPolicy withMaxFormatErrors(int errors) {
        return new ToolPolicy(tools, callTimeout, maxObservationChars, errors);
    }

    @Override
    public String toString() {
        return String.join(",", tools);
    }
}
