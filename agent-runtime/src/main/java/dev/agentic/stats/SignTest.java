package dev.agentic.stats;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The exact sign test on discordant tasks (McNemar's exact test when each task has one trial):
 * of n = wins + losses tasks where child and parent differ, under H0 each direction has
 * probability ½. Ties (d_i = 0) are dropped.
 */
public final class SignTest {

    private SignTest() {}

    /** Two-sided p = min(1, 2·P(X ≤ min(wins, losses))), X ~ Binomial(wins + losses, ½). */
    public static double twoSided(int wins, int losses) {
        int n = wins + losses;
        if (n == 0) {
            return 1.0;
        }
        return Math.min(1.0, 2 * BinomialDistribution.of(n, 0.5).cumulativeProbability(Math.min(wins, losses)));
    }

    /** One-sided p for "the child is worse": P(X ≤ wins), X ~ Binomial(wins + losses, ½). */
    public static double childWorse(int wins, int losses) {
        int n = wins + losses;
        return n == 0 ? 1.0 : BinomialDistribution.of(n, 0.5).cumulativeProbability(wins);
    }

    /** One-sided p for "the child is better": P(X ≥ wins) = P(X ≤ losses) by symmetry. */
    public static double childBetter(int wins, int losses) {
        return childWorse(losses, wins);
    }
}
