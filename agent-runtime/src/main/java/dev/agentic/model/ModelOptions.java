package dev.agentic.model;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the model connection.
 *
 * @param baseUrl server address overriding the provider's (any OpenAI-compatible server), or null
 * @param temperature sampling temperature, or null for the provider's default
 * @param seed sampling seed where the provider supports it, or null
 * @param timeout per request
 * @param retries retry policy for 429, 5xx and timeouts
 * @param prices extra price table file, or null
 * @param promptCache ask the provider to cache the stable prefix of every request (system prompt, tool definitions, task,
 *                    pinned plan) where that takes a request option: Anthropic. OpenAI caches long prefixes by itself.
 */
public record ModelOptions(String baseUrl, Double temperature, Integer seed, Duration timeout, RetryPolicy retries, Path prices,
                           boolean promptCache) {

    public static final ModelOptions DEFAULT = new ModelOptions(null, null, null, Duration.ofSeconds(120), RetryPolicy.DEFAULT, null, true);

    public ModelOptions withBaseUrl(String url) {
        return new ModelOptions(url, temperature, seed, timeout, retries, prices, promptCache);
    }

    public ModelOptions withRetries(RetryPolicy policy) {
        return new ModelOptions(baseUrl, temperature, seed, timeout, policy, prices, promptCache);
    }

    public ModelOptions withPrices(Path file) {
        return new ModelOptions(baseUrl, temperature, seed, timeout, retries, file, promptCache);
    }

    public ModelOptions withSampling(Double temp, Integer samplingSeed) {
        return new ModelOptions(baseUrl, temp, samplingSeed, timeout, retries, prices, promptCache);
    }

    public ModelOptions withPromptCache(boolean on) {
        return new ModelOptions(baseUrl, temperature, seed, timeout, retries, prices, on);
    }
}
