package dev.agentic.model;

import dev.langchain4j.data.message.AiMessage;
import java.time.Duration;

/**
 * One answer of the model with what it cost.
 *
 * @param usage tokens of every attempt the provider answered, also those retried (see {@link Usage})
 * @param cost what they cost, or {@link Cost#UNKNOWN} for a model without a price
 * @param attempts how many requests it took (more than 1 after retries)
 */
public record ModelReply(AiMessage message, Usage usage, Cost cost, Duration duration, int attempts) {}
