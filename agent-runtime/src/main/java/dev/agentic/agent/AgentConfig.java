package dev.agentic.agent;

import dev.agentic.diagnosis.DiagnosisMode;
import dev.agentic.memory.FullMemory;
import dev.agentic.memory.MemoryPolicy;
import dev.agentic.model.ModelSpec;
import dev.agentic.planning.NoPlanning;
import dev.agentic.planning.PlanningStrategy;
import dev.agentic.tool.ToolPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Every dimension of the agent a variant may change. Each setting has a key and a textual form, the
 * same in XML, on the command line, in settings files and in trajectories: {@link Settings} lists them,
 * {@link #with(String, String)} reads one, {@link #describe()} writes them all.
 *
 * @param temperature sampling temperature, or null for the provider's default
 * @param seed sampling seed where the provider supports it, or null
 * @param promptCache whether the stable prefix of requests is marked for the provider's prompt cache (Anthropic)
 * @param paths how {@link #describe()} writes the paths inside settings (a scripted model's scripts, a prompt folder)
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
        boolean promptCache,
        PathForm paths) {

    public AgentConfig {
        paths = paths == null ? PathForm.AS_GIVEN : paths;
    }

    public static AgentConfig defaults(ModelSpec model) {
        return new AgentConfig(model, PromptStrategy.parse("default"), new NoPlanning(), new FullMemory(), ToolPolicy.DEFAULT,
                DiagnosisMode.NOTIFY, Limits.DEFAULT, null, null, true, PathForm.AS_GIVEN);
    }

    /**
     * This configuration with the setting {@code key} written {@code value} ({@link Settings} lists the keys).
     *
     * @throws SettingException naming the key, the value and what is expected, or listing the keys when {@code key} is unknown
     */
    public AgentConfig with(String key, String value) {
        return Settings.get(key).apply(this, value);
    }

    /** This configuration with every {@code key=value} of {@code settings} applied in order. */
    public AgentConfig with(Map<String, String> settings) {
        AgentConfig config = this;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            config = config.with(setting.getKey(), setting.getValue());
        }
        return config;
    }

    /** This configuration with {@code setting} set to {@code value}. */
    public <T> AgentConfig with(Setting<T> setting, T value) {
        return setting.with(this, value);
    }

    /** Every setting in its textual form, in the order of {@link Settings#ALL}, paths written as {@link #paths()} says. */
    public Map<String, String> describe() {
        return Settings.describe(this);
    }

    public AgentConfig withModel(ModelSpec newModel) {
        return new AgentConfig(newModel, prompt, planning, memory, tools, diagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withPrompt(PromptStrategy newPrompt) {
        return new AgentConfig(model, newPrompt, planning, memory, tools, diagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withPlanning(PlanningStrategy newPlanning) {
        return new AgentConfig(model, prompt, newPlanning, memory, tools, diagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withMemory(MemoryPolicy newMemory) {
        return new AgentConfig(model, prompt, planning, newMemory, tools, diagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withTools(ToolPolicy newTools) {
        return new AgentConfig(model, prompt, planning, memory, newTools, diagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withDiagnosis(DiagnosisMode newDiagnosis) {
        return new AgentConfig(model, prompt, planning, memory, tools, newDiagnosis, limits, temperature, seed, promptCache, paths);
    }

    public AgentConfig withLimits(Limits newLimits) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, newLimits, temperature, seed, promptCache, paths);
    }

    /** This configuration with an episode's wall time of {@code time}. */
    public AgentConfig withWallTime(Duration time) {
        return withLimits(limits.withWallTime(time));
    }

    public AgentConfig withTemperature(Double newTemperature) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, newTemperature, seed, promptCache, paths);
    }

    public AgentConfig withSeed(Integer newSeed) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, temperature, newSeed, promptCache, paths);
    }

    public AgentConfig withPromptCache(boolean on) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, temperature, seed, on, paths);
    }

    /** This configuration describing its paths in {@code form}: e.g. relative to the repository a run's results are in. */
    public AgentConfig withPaths(PathForm form) {
        return new AgentConfig(model, prompt, planning, memory, tools, diagnosis, limits, temperature, seed, promptCache, form);
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
        long n;
        try {
            n = Long.parseLong(v.substring(0, v.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration like 90s, 5m, 1h or PT3M");
        }
        try {
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("expected a duration like 90s, 5m, 1h or PT3M");
        }
    }
}
