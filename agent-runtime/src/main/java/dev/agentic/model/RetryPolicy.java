package dev.agentic.model;

import java.time.Duration;

/**
 * How often and how patiently a failing model call is retried: on rate limits (429), server
 * errors (5xx) and timeouts, waiting {@code initialBackoff}, then twice as long each time, at most
 * {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    Duration backoffBefore(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(20, attempt - 2);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
