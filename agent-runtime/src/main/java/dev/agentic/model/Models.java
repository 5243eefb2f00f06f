package dev.agentic.model;

import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a {@link ModelClient} from a {@link ModelSpec}. Keys and default addresses come from the
 * environment only: {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL}, {@code ANTHROPIC_API_KEY}
 * and {@code ANTHROPIC_BASE_URL}, {@code OLLAMA_BASE_URL} (default {@code http://localhost:11434}).
 * Providers' own retries are off: {@link ModelClient} retries with backoff. Calls of a model the
 * price table does not list have an unknown cost; offline models (scripted, replay) cost nothing.
 */
public final class Models {

    private final Function<String, String> environment;

    public Models(Map<String, String> environment) {
        this.environment = environment::get;
    }

    public static Models fromEnvironment() {
        return new Models(System.getenv());
    }

    public ModelClient create(ModelSpec spec, ModelOptions options) {
        return create(spec, options, null);
    }

    /**
     * As {@link #create(ModelSpec, ModelOptions)}, for one task: {@code scripted:<folder>} then
     * plays {@code <folder>/<taskId>.yaml}.
     */
    public ModelClient create(ModelSpec spec, ModelOptions options, String taskId) {
        boolean offline = spec.provider() == ModelSpec.Provider.SCRIPTED || spec.provider() == ModelSpec.Provider.REPLAY;
        PriceTable table = options.prices() == null ? PriceTable.builtIn() : PriceTable.builtIn().extendedWith(options.prices());
        PriceTable prices = offline ? PriceTable.free() : table;
        AnswerTap tap = offline ? null : new AnswerTap();
        ChatModel model = switch (spec.provider()) {
            case OPENAI -> openAi(spec.name(), options, tap);
            case ANTHROPIC -> anthropic(spec.name(), options, tap);
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(tap.around(HttpClientBuilderLoader.loadHttpClientBuilder()))
                    .baseUrl(firstNonNull(options.baseUrl(), environment.apply("OLLAMA_BASE_URL"), "http://localhost:11434"))
                    .modelName(spec.name())
                    .temperature(options.temperature())
                    .seed(options.seed())
                    .timeout(options.timeout())
                    .maxRetries(0)
                    .build();
            case SCRIPTED -> ScriptedChatModel.fromFile(existing(spec, scriptFor(Path.of(spec.name()), taskId)));
            case REPLAY -> ReplayChatModel.fromTrajectory(existing(spec, Path.of(spec.name())));
        };
        boolean cacheBreakpoints = spec.provider() == ModelSpec.Provider.ANTHROPIC && options.promptCache();
        return new ModelClient(model, spec.name(), options.retries(), prices.priceOf(spec.name()).orElse(null), options.temperature(),
                cacheBreakpoints, tap);
    }

    private ChatModel openAi(String name, ModelOptions options, AnswerTap tap) {
        String baseUrl = firstNonNull(options.baseUrl(), environment.apply("OPENAI_BASE_URL"), null);
        String key = environment.apply("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            if (baseUrl == null) {
                throw new IllegalArgumentException("model openai:" + name + " needs OPENAI_API_KEY in the environment"
                        + " (or a base URL of an OpenAI-compatible server that needs no key: OPENAI_BASE_URL or the baseUrl option)");
            }
            key = "no-key";
        }
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(tap.around(HttpClientBuilderLoader.loadHttpClientBuilder()))
                .apiKey(key)
                .modelName(name)
                .temperature(options.temperature())
                .seed(options.seed())
                .timeout(options.timeout())
                .maxRetries(0);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    /**
     * With prompt caching, langchain4j marks the system prompt and the last tool definition with
     * {@code cache_control}; {@link ModelClient} marks the task and the pinned plan (user messages).
     */
    private ChatModel anthropic(String name, ModelOptions options, AnswerTap tap) {
        String key = environment.apply("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("model anthropic:" + name + " needs ANTHROPIC_API_KEY in the environment");
        }
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
                .httpClientBuilder(tap.around(HttpClientBuilderLoader.loadHttpClientBuilder()))
                .apiKey(key)
                .modelName(name)
                .temperature(options.temperature())
                .maxTokens(4096)
                .timeout(options.timeout())
                .cacheSystemMessages(options.promptCache())
                .cacheTools(options.promptCache())
                .maxRetries(0);
        String baseUrl = firstNonNull(options.baseUrl(), environment.apply("ANTHROPIC_BASE_URL"), null);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    private static Path scriptFor(Path path, String taskId) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        if (taskId == null) {
            throw new IllegalArgumentException("model scripted:" + path + " is a folder of scripts; it needs a task to pick <task>.yaml");
        }
        return path.resolve(taskId + ".yaml");
    }

    private static Path existing(ModelSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model " + spec + ": file " + file.toAbsolutePath() + " does not exist");
        }
        return file;
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
