package dev.agentic.agent;

import dev.agentic.model.Cost;
import dev.agentic.model.Usage;
import java.time.Duration;
import java.util.Optional;

/**
 * What an episode has used against its {@link Limits}. A cost that is not known (a model without a
 * price) never reaches the cost limit: that limit is then not enforced, which the episode says once.
 */
final class Budget {

    private final Limits limits;
    private final long startNanos = System.nanoTime();
    private int steps;
    private Usage usage = Usage.ZERO;
    private Cost cost = Cost.ZERO;

    Budget(Limits limits) {
        this.limits = limits;
    }

    /** Counts what a call used: a reply's, or that of the answered attempts of a call that failed. */
    void spend(Usage used, Cost spent) {
        usage = usage.plus(used);
        cost = cost.plus(spent);
    }

    int nextStep() {
        return ++steps;
    }

    /** The limit reached, if any, before another step may start. */
    Optional<ExitStatus> exhausted() {
        if (remaining().isZero()) {
            return Optional.of(ExitStatus.TIME_LIMIT);
        }
        if (limits.maxTokens() > 0 && usage.totalTokens() >= limits.maxTokens()) {
            return Optional.of(ExitStatus.TOKEN_LIMIT);
        }
        if (limits.maxCostUsd() > 0 && cost instanceof Cost.Known known && known.usd() >= limits.maxCostUsd()) {
            return Optional.of(ExitStatus.COST_LIMIT);
        }
        if (steps >= limits.maxSteps()) {
            return Optional.of(ExitStatus.STEP_LIMIT);
        }
        return Optional.empty();
    }

    /** Wall time left, never negative. */
    Duration remaining() {
        Duration left = limits.wallTime().minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    int steps() {
        return steps;
    }

    Usage usage() {
        return usage;
    }

    Cost cost() {
        return cost;
    }
}
