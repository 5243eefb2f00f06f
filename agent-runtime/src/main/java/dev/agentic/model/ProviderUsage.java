package dev.agentic.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.util.Optional;

/**
 * A provider's token counts as a {@link Usage}: from langchain4j's {@link TokenUsage} of a reply,
 * or from the body of an answer the client could not use (an error response, a reply it could not
 * parse). Each provider counts cached input its own way; see {@link Usage}.
 */
final class ProviderUsage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderUsage() {}

    /** The usage langchain4j read from a reply; zero when the provider sent none. */
    static Usage of(TokenUsage usage) {
        if (usage == null) {
            return Usage.ZERO;
        }
        long input = count(usage.inputTokenCount());
        long output = count(usage.outputTokenCount());
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return anthropic(input, count(anthropic.cacheReadInputTokens()), count(anthropic.cacheCreationInputTokens()), output);
        }
        if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            return openAi(input, count(openAi.inputTokensDetails().cachedTokens()), output);
        }
        return new Usage(input, output);
    }

    /**
     * The usage in the JSON body of a provider's answer: OpenAI's or Anthropic's {@code usage}
     * object (top level, or under {@code error}), or Ollama's {@code prompt_eval_count} and
     * {@code eval_count}; empty when the body is no JSON or carries none.
     */
    static Optional<Usage> ofBody(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode usage = root.path("usage").isObject() ? root.path("usage") : root.path("error").path("usage");
        if (usage.has("prompt_tokens") || usage.has("completion_tokens")) {
            return Optional.of(openAi(number(usage, "prompt_tokens"), number(usage.path("prompt_tokens_details"), "cached_tokens"),
                    number(usage, "completion_tokens")));
        }
        if (usage.has("input_tokens") || usage.has("output_tokens")) {
            return Optional.of(anthropic(number(usage, "input_tokens"), number(usage, "cache_read_input_tokens"),
                    number(usage, "cache_creation_input_tokens"), number(usage, "output_tokens")));
        }
        if (root.has("prompt_eval_count") || root.has("eval_count")) {
            return Optional.of(new Usage(number(root, "prompt_eval_count"), number(root, "eval_count")));
        }
        return Optional.empty();
    }

    /** OpenAI: {@code prompt_tokens} include the cached ones. */
    private static Usage openAi(long prompt, long cached, long output) {
        return new Usage(prompt, Math.min(cached, prompt), 0, output);
    }

    /** Anthropic: {@code input_tokens} leave out cache reads and writes. */
    private static Usage anthropic(long input, long cacheRead, long cacheWrite, long output) {
        return new Usage(input + cacheRead + cacheWrite, cacheRead, cacheWrite, output);
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? Math.max(0, value.asLong()) : 0;
    }

    private static long count(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
