package dev.agentic.agent;

import dev.agentic.model.Cost;
import dev.agentic.model.Usage;
import java.time.Duration;

/**
 * How an episode ended and what it used.
 *
 * @param detail why it ended, in words (the error message for model and sandbox errors), secrets redacted
 * @param submission the model's submit summary, secrets redacted, or null when it did not submit
 * @param usage tokens of every model call the provider answered, also calls retried or not usable
 * @param cost what they cost; {@link Cost#UNKNOWN} for a model without a price
 */
public record EpisodeResult(ExitStatus exitStatus, String detail, String submission, int steps, Usage usage,
                            Cost cost, Duration duration) {

    /** The cost in dollars, or null when it is not known. */
    public Double costUsd() {
        return cost.usdOrNull();
    }
}
