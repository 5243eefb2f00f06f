package dev.agentic.model;

import dev.agentic.trajectory.Secrets;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calls a langchain4j model with retries and backoff, and accounts tokens and cost per call. Every
 * answer the provider gave counts, also one that was retried or could not be used, as far as its
 * usage can be read. Its errors and retry messages carry no secret: a server may echo the
 * request's key in its error body.
 */
public final class ModelClient {

    /** The attribute langchain4j's Anthropic client turns into a {@code cache_control} breakpoint on a user message. */
    private static final String CACHE_CONTROL = "cache_control";

    /** Breakpoints on user messages of the stable prefix: Anthropic allows 4, one each goes to the system prompt and the tools. */
    private static final int PREFIX_BREAKPOINTS = 2;

    private final ChatModel model;
    private final String modelName;
    private final RetryPolicy retries;
    private final PriceTable.Price price;
    private final Double temperature;
    private final boolean cacheBreakpoints;
    private final AnswerTap tap;
    private Consumer<String> retryListener = message -> { };

    /** A client pricing calls by {@code modelName} in {@code prices} (unknown when it is not listed). */
    public ModelClient(ChatModel model, String modelName, RetryPolicy retries, PriceTable prices, Double temperature) {
        this(model, modelName, retries, prices.priceOf(modelName).orElse(null), temperature, false, null);
    }

    /**
     * @param price null when unknown
     * @param cacheBreakpoints mark the stable prefix's user messages for the provider's prompt cache (Anthropic)
     * @param tap the answers of {@code model}'s HTTP client, or null when it has none
     */
    ModelClient(ChatModel model, String modelName, RetryPolicy retries, PriceTable.Price price, Double temperature,
                boolean cacheBreakpoints, AnswerTap tap) {
        this.model = model;
        this.modelName = modelName;
        this.retries = retries;
        this.price = price;
        this.temperature = temperature;
        this.cacheBreakpoints = cacheBreakpoints;
        this.tap = tap;
    }

    /** Told about each retry, e.g. to print it in a live transcript. */
    public ModelClient onRetry(Consumer<String> listener) {
        this.retryListener = listener;
        return this;
    }

    public String modelName() {
        return modelName;
    }

    /** Whether calls have a known cost: false for a model the price table does not list. */
    public boolean priced() {
        return price != null;
    }

    /** What {@code usage} costs with this model. */
    public Cost costOf(Usage usage) {
        return price == null ? Cost.UNKNOWN : price.costOf(usage);
    }

    public ModelReply call(List<ChatMessage> messages, List<ToolSpecification> tools) {
        return call(messages, 0, tools);
    }

    /**
     * One model call, retried on rate limits, server errors, timeouts and answers the client could
     * not read. The reply's usage and cost include every answered attempt.
     *
     * @param stablePrefix how many leading messages are the same in every call of the episode (system prompt, task,
     *                     pinned plan): with prompt caching they are marked for the provider's cache
     * @throws ModelException after the retries, with the usage and cost of the attempts that were answered
     */
    public ModelReply call(List<ChatMessage> messages, int stablePrefix, List<ToolSpecification> tools) {
        ChatRequest.Builder request = ChatRequest.builder().messages(cacheBreakpoints ? marked(messages, stablePrefix) : messages);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        if (temperature != null) {
            request.temperature(temperature);
        }
        ChatRequest built = request.build();
        long start = System.nanoTime();
        Usage unused = Usage.ZERO;
        for (int attempt = 1; ; attempt++) {
            if (tap != null) {
                tap.clear();
            }
            try {
                ChatResponse response = model.chat(built);
                Usage usage = unused.plus(ProviderUsage.of(response.tokenUsage()));
                return new ModelReply(response.aiMessage(), usage, costOf(usage), Duration.ofNanos(System.nanoTime() - start), attempt);
            } catch (RuntimeException e) {
                if (tap != null) {
                    unused = unused.plus(tap.takeUsage());
                }
                if (contextLengthExceeded(e)) {
                    throw new ModelException("context length exceeded: " + e.getMessage(), true, e, unused, costOf(unused));
                }
                if (!retriable(e) || attempt >= retries.maxAttempts()) {
                    throw new ModelException("model " + modelName + " failed after " + attempt + " attempt(s): " + describe(e), false, e,
                            unused, costOf(unused));
                }
                Duration wait = retries.backoffBefore(attempt + 1);
                retryListener.accept("model call failed (" + describe(e) + "); retry " + attempt + " of "
                        + (retries.maxAttempts() - 1) + " in " + wait.toMillis() + " ms");
                sleep(wait, unused);
            }
        }
    }

    static boolean retriable(RuntimeException e) {
        if (e instanceof RateLimitException || e instanceof InternalServerException || e instanceof TimeoutException) {
            return true;
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.net.ConnectException
                    || cause instanceof UncheckedIOException || cause instanceof java.io.IOException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }

    static boolean contextLengthExceeded(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("context_length_exceeded") || message.contains("maximum context length")
                || message.contains("prompt is too long") || message.contains("context window");
    }

    /** The error in words, with secrets (a key echoed in an error body) redacted. */
    private static String describe(RuntimeException e) {
        String message = Secrets.standard().redact(String.valueOf(e.getMessage()));
        return e.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    /**
     * The messages with the last {@value #PREFIX_BREAKPOINTS} user messages of the first
     * {@code stablePrefix} marked {@code cache_control: ephemeral}. langchain4j 1.11 offers such a
     * breakpoint only on user messages, not on tool results or model turns: the conversation after
     * the prefix is not marked.
     */
    private static List<ChatMessage> marked(List<ChatMessage> messages, int stablePrefix) {
        List<ChatMessage> out = new ArrayList<>(messages);
        int left = PREFIX_BREAKPOINTS;
        for (int i = Math.min(stablePrefix, out.size()) - 1; i >= 0 && left > 0; i--) {
            if (out.get(i) instanceof UserMessage user) {
                Map<String, Object> attributes = new HashMap<>(user.attributes() == null ? Map.of() : user.attributes());
                attributes.put(CACHE_CONTROL, "ephemeral");
                out.set(i, user.toBuilder().attributes(attributes).build());
                left--;
            }
        }
        return out;
    }

    private void sleep(Duration wait, Usage answered) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting to retry a model call", false, e, answered, costOf(answered));
        }
    }
}
