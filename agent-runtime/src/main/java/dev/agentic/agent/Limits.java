package dev.agentic.agent;

import java.time.Duration;

/**
 * When an episode is stopped: steps (model calls that may act), total tokens, cost in USD, wall time.
 * Zero means no limit for tokens and cost.
 */
public record Limits(int maxSteps, long maxTokens, double maxCostUsd, Duration wallTime) {

    public static final Limits DEFAULT = new Limits(50, 0, 0, Duration.ofMinutes(30));

    public Limits {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max-steps must be at least 1, got " + maxSteps);
        }
        if (maxTokens < 0 || maxCostUsd < 0) {
            throw new IllegalArgumentException("max-tokens and max-cost must not be negative");
        }
        if (wallTime.isZero() || wallTime.isNegative()) {
            throw new IllegalArgumentException("wall-time must be positive, got " + wallTime);
        }
    }

    public Limits withMaxSteps(int steps) {
        return new Limits(steps, maxTokens, maxCostUsd, wallTime);
    }

    public Limits withMaxTokens(long tokens) {
        return new Limits(maxSteps, tokens, maxCostUsd, wallTime);
    }

    public Limits withMaxCostUsd(double usd) {
        return new Limits(maxSteps, maxTokens, usd, wallTime);
    }

    public Limits withWallTime(Duration time) {
        return new Limits(maxSteps, maxTokens, maxCostUsd, time);
    }
}
