package dev.agentic.model;

/**
 * Tokens of one or more model calls, the same for every provider.
 *
 * <p>{@code inputTokens} counts every prompt token the provider processed, including those it read
 * from its prompt cache and those it wrote to it; {@code cachedInputTokens} and
 * {@code cacheWriteTokens} are parts of it, priced apart ({@link PriceTable}). OpenAI reports the
 * same way ({@code prompt_tokens} includes {@code prompt_tokens_details.cached_tokens}; it charges
 * nothing extra for writing its cache, so it reports no cache writes). Anthropic's
 * {@code input_tokens} leave out {@code cache_read_input_tokens} and
 * {@code cache_creation_input_tokens}: the three together are {@code inputTokens} here.
 *
 * @param inputTokens all prompt tokens, cached and cache-written ones included
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's prompt cache
 * @param cacheWriteTokens the part of {@code inputTokens} written to the provider's prompt cache
 * @param outputTokens tokens the model generated
 */
public record Usage(long inputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    public Usage {
        if (inputTokens < 0 || cachedInputTokens < 0 || cacheWriteTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: " + inputTokens + " in, " + cachedInputTokens
                    + " cached, " + cacheWriteTokens + " cache writes, " + outputTokens + " out");
        }
        if (cachedInputTokens + cacheWriteTokens > inputTokens) {
            throw new IllegalArgumentException("cached (" + cachedInputTokens + ") and cache-written (" + cacheWriteTokens
                    + ") tokens are parts of the " + inputTokens + " input tokens and cannot exceed them");
        }
    }

    /** Input and output tokens without any use of a prompt cache. */
    public Usage(long inputTokens, long outputTokens) {
        this(inputTokens, 0, 0, outputTokens);
    }

    /** Input tokens neither read from nor written to the cache: those billed at the full input price. */
    public long uncachedInputTokens() {
        return inputTokens - cachedInputTokens - cacheWriteTokens;
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens, outputTokens + other.outputTokens);
    }
}
