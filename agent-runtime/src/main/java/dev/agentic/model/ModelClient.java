package dev.agentic.model;

import dev.agentic.trajectory.Secrets;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Calls a langchain4j model with retries and backoff, and accounts tokens and cost per call. Its
 * errors and retry messages carry no secret: a server may echo the request's key in its error body.
 */
public final class ModelClient {

    private final ChatModel model;
    private final String modelName;
    private final RetryPolicy retries;
    private final PriceTable prices;
    private final Double temperature;
    private Consumer<String> retryListener = message -> { };

    public ModelClient(ChatModel model, String modelName, RetryPolicy retries, PriceTable prices, Double temperature) {
        this.model = model;
        this.modelName = modelName;
        this.retries = retries;
        this.prices = prices;
        this.temperature = temperature;
    }

    /** Told about each retry, e.g. to print it in a live transcript. */
    public ModelClient onRetry(Consumer<String> listener) {
        this.retryListener = listener;
        return this;
    }

    public String modelName() {
        return modelName;
    }

    public ModelReply call(List<ChatMessage> messages, List<ToolSpecification> tools) {
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        if (!tools.isEmpty()) {
            request.toolSpecifications(tools);
        }
        if (temperature != null) {
            request.temperature(temperature);
        }
        ChatRequest built = request.build();
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                ChatResponse response = model.chat(built);
                Usage usage = usageOf(response.tokenUsage());
                return new ModelReply(response.aiMessage(), usage, prices.costUsd(modelName, usage),
                        Duration.ofNanos(System.nanoTime() - start), attempt);
            } catch (RuntimeException e) {
                if (contextLengthExceeded(e)) {
                    throw new ModelException("context length exceeded: " + e.getMessage(), true, e);
                }
                if (!retriable(e) || attempt >= retries.maxAttempts()) {
                    throw new ModelException("model " + modelName + " failed after " + attempt + " attempt(s): " + describe(e), false, e);
                }
                Duration wait = retries.backoffBefore(attempt + 1);
                retryListener.accept("model call failed (" + describe(e) + "); retry " + attempt + " of "
                        + (retries.maxAttempts() - 1) + " in " + wait.toMillis() + " ms");
                sleep(wait);
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

    private static Usage usageOf(TokenUsage usage) {
        if (usage == null) {
            return Usage.ZERO;
        }
        return new Usage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()));
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while waiting to retry a model call", false, e);
        }
    }
}
