package dev.agentic.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.agentic.diagnosis.DiagnosisMode;
import dev.agentic.document.Document;
import dev.agentic.memory.MemoryPolicy;
import dev.agentic.model.ModelSpec;
import dev.agentic.planning.PlanningStrategy;
import dev.agentic.tool.ToolPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The registry of the agent's settings: every key, its dimension, how it is read and written, its
 * default and its documentation. {@link AgentConfig}, variants and their lineage, the pom reader, the
 * command line and the documentation's table (checked against {@link #table()}) all take them from here.
 */
public final class Settings {

    private Settings() {}

    private static final AgentConfig DEFAULTS = AgentConfig.defaults(null);
    private static final String DURATION = "a duration: `90s`, `5m`, `1h` or ISO-8601 `PT3M`";

    public static final Setting<ModelSpec> MODEL = setting("model", Dimension.MODEL,
            "`openai:<model>`, `anthropic:<model>`, `ollama:<model>`, `scripted:<file or folder>`, `replay:<trajectory.jsonl>`",
            "the model the agent talks to ([Models](#models))",
            ModelSpec::parse, Settings::printModel, AgentConfig::model, AgentConfig::withModel)
            .documented("none: `--model` or `AGENT_MODEL`; `agent:bench` plays the offline scripted model");

    public static final Setting<PromptStrategy> PROMPT = setting("prompt", Dimension.PROMPT,
            "`default`, `verify-first`, `file:<dir>` (a `system.txt` and a `task.txt`; placeholders `{{instruction}}`,"
                    + " `{{workdir}}`, `{{tools}}`)",
            "the system and task prompt templates",
            PromptStrategy::parse, Settings::printPrompt, AgentConfig::prompt, AgentConfig::withPrompt);

    public static final Setting<PlanningStrategy> PLANNING = setting("planning", Dimension.PLANNING,
            "`none`, `plan-first` (a plan before acting, pinned, revisable with the `update_plan` tool), `reflect`, `reflect:K`"
                    + " (a reflection after a failed command, and every K steps)",
            "when the agent plans or reflects",
            PlanningStrategy::parse, (value, form) -> value.spec(), AgentConfig::planning, AgentConfig::withPlanning);

    public static final Setting<MemoryPolicy> MEMORY = setting("memory", Dimension.MEMORY,
            "`full`, `window:N` (last N observations verbatim, older ones become a one-line placeholder), `token-budget:T`"
                    + " (oldest turns dropped, a model message together with its tool results, to fit T estimated tokens),"
                    + " `summarize:T` (over T tokens the model summarises all but the last two turns once; the summary replaces them)",
            "what the model sees of earlier steps",
            MemoryPolicy::parse, (value, form) -> value.spec(), AgentConfig::memory, AgentConfig::withMemory);

    public static final Setting<List<String>> TOOLS = setting("tools", Dimension.TOOL_POLICY,
            "comma-separated subset of `bash`, `editor`, `search`, `submit` (`submit` is always there)",
            "the tools the model may call",
            Settings::parseTools, (value, form) -> String.join(",", value), c -> c.tools().tools(),
            (c, v) -> c.withTools(c.tools().withTools(v)));

    public static final Setting<Duration> TOOL_TIMEOUT = setting("tool-timeout", Dimension.TOOL_POLICY, DURATION,
            "how long one bash or search call may run",
            Settings::positiveDuration, (value, form) -> printDuration(value), c -> c.tools().callTimeout(),
            (c, v) -> c.withTools(c.tools().withCallTimeout(v)));

    public static final Setting<Integer> MAX_OBSERVATION = setting("max-observation", Dimension.TOOL_POLICY,
            "a whole number, 100 or more", "characters of one observation the model sees (head and tail kept)",
            text -> wholeNumber(text, 100), (value, form) -> value.toString(), c -> c.tools().maxObservationChars(),
            (c, v) -> c.withTools(c.tools().withMaxObservationChars(v)));

    public static final Setting<Integer> MAX_FORMAT_ERRORS = setting("max-format-errors", Dimension.TOOL_POLICY,
            "a whole number, 1 or more",
            "consecutive format errors (no tool call, bad JSON, unknown tool, bad arguments) that end the episode",
            text -> wholeNumber(text, 1), (value, form) -> value.toString(), c -> c.tools().maxFormatErrors(),
            (c, v) -> c.withTools(c.tools().withMaxFormatErrors(v)));

    public static final Setting<DiagnosisMode> DIAGNOSIS = setting("diagnosis", Dimension.DIAGNOSIS,
            "`off`, `notify`", "in-loop self-diagnosis of broken tooling or environment ([Self-diagnosis](#self-diagnosis))",
            DiagnosisMode::parse, (value, form) -> value.spec(), AgentConfig::diagnosis, AgentConfig::withDiagnosis);

    public static final Setting<Integer> MAX_STEPS = setting("max-steps", Dimension.LIMITS,
            "a whole number, 1 or more", "model calls that may act",
            text -> wholeNumber(text, 1), (value, form) -> value.toString(), c -> c.limits().maxSteps(),
            (c, v) -> c.withLimits(c.limits().withMaxSteps(v)));

    public static final Setting<Long> MAX_TOKENS = setting("max-tokens", Dimension.LIMITS,
            "a whole number; `0`: no limit", "tokens of all the episode's model calls",
            Settings::tokens, (value, form) -> value.toString(), c -> c.limits().maxTokens(),
            (c, v) -> c.withLimits(c.limits().withMaxTokens(v)));

    public static final Setting<Double> MAX_COST = setting("max-cost", Dimension.LIMITS,
            "USD, e.g. `0.50`; `0`: no limit", "cost of the episode's model calls (needs the model's price)",
            Settings::usd, (value, form) -> value.toString(), c -> c.limits().maxCostUsd(),
            (c, v) -> c.withLimits(c.limits().withMaxCostUsd(v)));

    public static final Setting<Duration> WALL_TIME = setting("wall-time", Dimension.LIMITS, DURATION,
            "wall time of the episode",
            Settings::positiveDuration, (value, form) -> printDuration(value), c -> c.limits().wallTime(),
            AgentConfig::withWallTime)
            .documented("the task's agent timeout (`max_agent_timeout_sec`) × the timeout multiplier; `1800s` without a task");

    public static final Setting<Double> TEMPERATURE = setting("temperature", Dimension.SAMPLING,
            "a number, 0 or more, or `default`", "sampling temperature, where the provider supports it",
            Settings::temperature, (value, form) -> value == null ? "default" : value.toString(), AgentConfig::temperature,
            AgentConfig::withTemperature)
            .documented("`default` (the provider's)");

    public static final Setting<Integer> SEED = setting("seed", Dimension.SAMPLING,
            "a whole number, or `none`", "sampling seed, where the provider supports it",
            Settings::seed, (value, form) -> value == null ? "none" : value.toString(), AgentConfig::seed, AgentConfig::withSeed);

    public static final Setting<Boolean> PROMPT_CACHE = setting("prompt-cache", Dimension.PROMPT_CACHE,
            "`on`, `off`", "mark the stable prefix of every request for the provider's prompt cache (Anthropic; see"
                    + " [Tokens, caching and cost](#tokens-caching-and-cost)); listed in a run's configuration only when `off`",
            Settings::onOff, (value, form) -> value ? "on" : "off", AgentConfig::promptCache, AgentConfig::withPromptCache)
            .notDescribedAtDefault();

    /** Every setting, in the order {@link AgentConfig#describe()} lists them. */
    public static final List<Setting<?>> ALL = List.of(MODEL, PROMPT, PLANNING, MEMORY, TOOLS, TOOL_TIMEOUT, MAX_OBSERVATION,
            MAX_FORMAT_ERRORS, DIAGNOSIS, MAX_STEPS, MAX_TOKENS, MAX_COST, WALL_TIME, TEMPERATURE, SEED, PROMPT_CACHE);

    private static final Map<String, Setting<?>> BY_KEY = byKey();

    /** The setting called {@code key}, if there is one. */
    public static Optional<Setting<?>> find(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /**
     * The setting called {@code key}.
     *
     * @throws SettingException listing the known keys, when there is none
     */
    public static Setting<?> get(String key) {
        return find(key).orElseThrow(() -> SettingException.unknownKey(key));
    }

    /** The keys, in the order of {@link #ALL}. */
    public static List<String> keys() {
        return ALL.stream().map(Setting::key).toList();
    }

    /** Every setting of {@code config} in its textual form, paths as {@link AgentConfig#paths()} says; see {@link Setting#describedAtDefault()}. */
    static Map<String, String> describe(AgentConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            if (setting.describedAtDefault() || !setting.isDefault(config)) {
                out.put(setting.key(), described(setting, config));
            }
        }
        return out;
    }

    private static <T> String described(Setting<T> setting, AgentConfig config) {
        return setting.print(setting.of(config), config.paths());
    }

    /**
     * {@code settings} checked and written as the registry writes them ({@link Setting#canonical}), in their order.
     *
     * @throws SettingException for the first unknown key or bad value
     */
    public static Map<String, String> canonical(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((key, value) -> out.put(key, get(key).canonical(value)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Settings given as repeated {@code option key=value} on a command line, checked; a bad one is refused
     * as written: {@code --set memory=window:0: the number must be positive; expected …}.
     */
    public static Map<String, String> fromOption(String option, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            try {
                out.put(key, get(key).canonical(value));
            } catch (SettingException e) {
                throw new IllegalArgumentException(option + " " + key + "=" + value + ": " + e.problem(), e);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Reads settings files: {@code off} and {@code on} stay words, and a key written twice is refused. */
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /**
     * A settings file: YAML {@code key: value} lines ({@code memory: window:10}), checked; an unknown key or a bad value
     * is refused with the file, line and column: {@code settings.yaml:2:9: setting memory='window:ten': …}.
     */
    public static Map<String, String> read(Path file) {
        Document yaml = Document.read(file, YAML);
        if (!yaml.root().isObject()) {
            throw yaml.error("expected 'key: value' lines, e.g. 'memory: window:10', found " + Document.kind(yaml.root()));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : yaml.root().properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw yaml.error("setting '" + key + "' must be a single value, found " + Document.kind(value), key);
            }
            try {
                settings.put(key, get(key).canonical(value.asText()));
            } catch (SettingException e) {
                throw yaml.error(e.getMessage(), key);
            }
        }
        return Collections.unmodifiableMap(settings);
    }

    /** The documentation's table of settings (Markdown), one row per setting, in the order of {@link #ALL}. */
    public static String table() {
        StringBuilder out = new StringBuilder("| key | in a pom | dimension | what it sets | values | default |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Setting<?> s : ALL) {
            String byDefault = s.documentedDefault() != null ? s.documentedDefault() : "`" + s.printedDefault() + "`";
            out.append("| `").append(s.key()).append("` | `<").append(s.element()).append(">` | ").append(s.dimension().label())
                    .append(" | ").append(s.meaning()).append(" | ").append(s.values()).append(" | ").append(byDefault).append(" |\n");
        }
        return out.toString();
    }

    private static <T> Setting<T> setting(String key, Dimension dimension, String values, String meaning, Setting.Parser<T> parser,
                                          Setting.Printer<T> printer, Function<AgentConfig, T> getter,
                                          BiFunction<AgentConfig, T, AgentConfig> setter) {
        return new Setting<>(key, dimension, values, meaning, getter.apply(DEFAULTS), null, true, parser, printer, getter, setter);
    }

    private static Map<String, Setting<?>> byKey() {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            if (byKey.put(setting.key(), setting) != null) {
                throw new IllegalStateException("setting " + setting.key() + " is registered twice");
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    private static String printModel(ModelSpec model, PathForm form) {
        if (model == null) {
            return null;
        }
        return switch (model.provider()) {
            case SCRIPTED, REPLAY -> new ModelSpec(model.provider(), form.print(model.name())).toString();
            default -> model.toString();
        };
    }

    private static String printPrompt(PromptStrategy prompt, PathForm form) {
        return prompt.spec().startsWith("file:") ? "file:" + form.print(prompt.spec().substring("file:".length())) : prompt.spec();
    }

    private static List<String> parseTools(String text) {
        return ToolPolicy.DEFAULT.withTools(ToolPolicy.parseTools(text)).tools();
    }

    private static Duration positiveDuration(String text) {
        Duration duration = AgentConfig.duration(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("expected a positive duration like 90s, 5m, 1h or PT3M");
        }
        return duration;
    }

    /** Whole seconds as {@code 120s} (as runs have always recorded them), anything finer in ISO-8601. */
    private static String printDuration(Duration duration) {
        return duration.getNano() == 0 ? duration.getSeconds() + "s" : duration.toString();
    }

    private static int wholeNumber(String text, int min) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected a whole number of at least " + min + ", got '" + text + "'");
    }

    private static long tokens(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected a whole number of tokens, 0 or more (0: no limit), got '" + text + "'");
    }

    private static double usd(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected an amount of USD, 0 or more (0: no limit), got '" + text + "'");
    }

    private static Double temperature(String text) {
        if (text.trim().equals("default")) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && !Double.isInfinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("expected a number, 0 or more, or default (the provider's), got '" + text + "'");
    }

    private static Integer seed(String text) {
        if (text.trim().equals("none")) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, or none, got '" + text + "'");
        }
    }

    private static Boolean onOff(String text) {
        return switch (text.trim()) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("expected on or off");
        };
    }
}
