package dev.agentic.model;

import dev.langchain4j.data.message.AiMessage;
import java.time.Duration;

/**
 * One answer of the model with what it cost.
 *
 * @param attempts how many requests it took (more than 1 after retries)
 */
public record ModelReply(AiMessage message, Usage usage, double costUsd, Duration duration, int attempts) {}
