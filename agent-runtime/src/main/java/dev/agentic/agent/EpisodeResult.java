package dev.agentic.agent;

import dev.agentic.model.Usage;
import java.time.Duration;

/**
 * How an episode ended and what it used.
 *
 * @param detail why it ended, in words (the error message for model and sandbox errors), secrets redacted
 * @param submission the model's submit summary, secrets redacted, or null when it did not submit
 */
public record EpisodeResult(ExitStatus exitStatus, String detail, String submission, int steps, Usage usage,
                            double costUsd, Duration duration) {}
