package dev.agentic.agent;

import dev.agentic.diagnosis.DiagnosisMode;
import dev.agentic.memory.FullMemory;
import dev.agentic.memory.MemoryPolicy;
import dev.agentic.model.ModelSpec;
import dev.agentic.planning.NoPlanning;
import dev.agentic.planning.PlanningStrategy;
import dev.agentic.tool.ToolPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every dimension of the agent a variant may change. Each has a textual form, used in XML, on the
 * command line and in trajectories: see {@link #with(String, String)} for the keys.
 *
 * @param temperature sampling temperature, or null for the provider's default
 * @param seed sampling seed where the provider supports it, or null
 * @param promptCache whether the stable prefix of requests is marked for the provider's prompt cache (Anthropic; setting
 *                    {@code prompt-cache}, {@code on} or {@code off})
 */
public record AgentConfig(
        ModelSpec model,
        PromptStrategy prompt,
        PlanningStrategy planning,
        MemoryPolicy memory,
        ToolPolicy tools,
        DiagnosisMode diagnosis,
        Limits limits,
        Double temperature,
        Integer seed,
        boolean promptCache) {

    public static AgentConfig defaults(ModelSpec model) {
        return new AgentConfig(model, PromptStrategy.parse("default"), new NoPlanning(), new FullMemory(), ToolPolicy.DEFAULT,
                DiagnosisMode.NOTIFY, Limits.DEFAULT, null, null, true);
    }

    /**
     * This configuration with one setting changed. Keys: {@code model}, {@code prompt},
     * {@code planning}, {@code memory}, {@code tools}, {@code tool-timeout}, {@code max-observation},
     * {@code max-format-errors}, {@code diagnosis}, {@code max-steps}, {@code max-tokens},
     * {@code max-cost}, {@code wall-time}, {@code temperature}, {@code seed}, {@code prompt-cache}. Durations are written
     * {@code 90s}, {@code 5m} or {@code 1h}.
     *
     * @throws IllegalArgumentException naming the key, the value and what is expected
     */
    public AgentConfig with(String key, String value) {
        try {
            return switch (key) {
                case "model" -> new AgentConfig(ModelSpec.parse(value), prompt, planning, memory, tools, diagnosis, limits, temperature, seed, promptCache);
                case "prompt" -> new AgentConfig(model, PromptStrategy.parse(value), planning, memory, tools, diagnosis, limits, temperature, seed, promptCache);
                case "planning" -> new AgentConfig(model, prompt, PlanningStrategy.parse(value), memory, tools, diagnosis, limits, temperature, seed, promptCache);
                case "memory" -> new AgentConfig(model, prompt, planning, MemoryPolicy.parse(value), tools, diagnosis, limits, temperature, seed, promptCache);
                case "tools" -> withTools(tools.withTools(ToolPolicy.parseTools(value)));
                case "tool-timeout" -> withTools(tools.withCallTimeout(duration(value)));
                case "max-observation" -> withTools(tools.withMaxObservationChars(integer(value)));
                case "max-format-errors" -> withTools(tools.withMaxFormatErrors(integer(value)));
                case "diagnosis" -> new AgentConfig(model, prompt, planning, memory, tools, DiagnosisMode.parse(value), limits, temperature, seed, promptCache);
                case "max-steps" -> withLimits(new Limits(integer(value), limits.maxTokens(), limits.maxCostUsd(), limits.wallTime()));
                case "max-tokens" -> withLimits(new Limits(limits.maxSteps(), Long.parseLong(value.trim()), limits.maxCostUsd(), limits.wallTime()));
                case "max-cost" -> withLimits(new Limits(limits.maxSteps(), limits.maxTokens(), Double.parseDouble(value.trim()), limits.wallTime()));
                case "wall-time" -> withLimits(new Limits(limits.maxSteps(), limits.maxTokens(), limits.maxCostUsd(), duration(value)));
                case "temperature" -> new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, Double.parseDouble(value.trim()), seed, promptCache);
                case "seed" -> new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, temperature, integer(value), promptCache);
                case "prompt-cache" -> new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, temperature, seed, onOff(value));
                default -> throw new IllegalArgumentException("unknown setting '" + key + "'; known settings: model, prompt, planning,"
                        + " memory, tools, tool-timeout, max-observation, max-format-errors, diagnosis, max-steps, max-tokens,"
                        + " max-cost, wall-time, temperature, seed, prompt-cache");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + "='" + value + "': not a number", e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unknown setting")) {
                throw e;
            }
            throw new IllegalArgumentException("setting " + key + "='" + value + "': " + e.getMessage(), e);
        }
    }

    /** This configuration with every {@code key=value} of {@code settings} applied in order. */
    public AgentConfig with(Map<String, String> settings) {
        AgentConfig config = this;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            config = config.with(setting.getKey(), setting.getValue());
        }
        return config;
    }

    /** Every setting in its textual form, in a stable order. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("model", model.toString());
        out.put("prompt", prompt.spec());
        out.put("planning", planning.spec());
        out.put("memory", memory.spec());
        out.put("tools", tools.toString());
        out.put("tool-timeout", tools.callTimeout().toSeconds() + "s");
        out.put("max-observation", Integer.toString(tools.maxObservationChars()));
        out.put("max-format-errors", Integer.toString(tools.maxFormatErrors()));
        out.put("diagnosis", diagnosis.spec());
        out.put("max-steps", Integer.toString(limits.maxSteps()));
        out.put("max-tokens", Long.toString(limits.maxTokens()));
        out.put("max-cost", Double.toString(limits.maxCostUsd()));
        out.put("wall-time", limits.wallTime().toSeconds() + "s");
        out.put("temperature", temperature == null ? "default" : temperature.toString());
        out.put("seed", seed == null ? "none" : seed.toString());
        if (!promptCache) { // the default (on) is left out: it changes what a call costs, not what the agent does
            out.put("prompt-cache", "off");
        }
        return out;
    }

    private AgentConfig withTools(ToolPolicy policy) {
        return new AgentConfig(model, prompt, planning, memory, policy, diagnosis, limits, temperature, seed, promptCache);
    }

    private AgentConfig withLimits(Limits newLimits) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, newLimits, temperature, seed, promptCache);
    }

    private static boolean onOff(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("expected on or off");
        };
    }

    private static int integer(String value) {
        return Integer.parseInt(value.trim());
    }

    /** A duration written {@code 90s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT3M}). */
    public static Duration duration(String value) {
        String v = value.trim();
        if (v.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("expected a duration like 90s, 5m, 1h or PT3M");
            }
        }
        if (!v.matches("\\d+[smh]")) {
            throw new IllegalArgumentException("expected a duration like 90s, 5m, 1h or PT3M");
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
