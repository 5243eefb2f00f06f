package dev.agentic.stats;

/**
 * An anytime-valid one-sided test of the mean of observations in [−1, 1], by betting (Waudby-Smith &amp; Ramdas
 * 2024, "Estimating means of bounded random variables by betting", JRSS B 86(1), §3–4; Shafer 2021, "Testing by
 * betting", JRSS A 184(2)). Null for the alternative "below b": every observation's mean given those before it is
 * at least b. A gambler starts with wealth 1 and, before each observation x, stakes a fraction λ on it being
 * below b, so the wealth is multiplied by 1 + λ·(b − x). Under the null each factor has mean at most 1, so the
 * wealth is a non-negative supermartingale and by Ville's inequality (Ville 1939) it ever reaches 1/α with
 * probability at most α, however the observations were chosen and whenever one stops looking. The stake is
 * hedged over a fixed grid λ_k = k/10 · 0.75/(1 − b), k = 1..10 (for "above b": 0.75/(1 + b)), and the wealth is
 * the mean of the ten gamblers' wealth, itself a supermartingale under the null; 0.75 keeps every factor at least
 * 0.25 whatever x is. The p-value, valid at any time, is min(1, 1 / the largest wealth so far).
 */
public final class BettingTest {

    /** Which side of the bound the alternative puts the mean on. */
    public enum Alternative { BELOW, ABOVE }

    private static final int BETS = 10;
    private static final double STAKE = 0.75;

    private BettingTest() {}

    /**
     * The evidence after all of {@code observations}, in order.
     *
     * @param wealth the wealth after the last observation
     * @param largestWealth the largest wealth so far (1 before any observation)
     */
    public record Evidence(int observations, double wealth, double largestWealth) {

        /** The anytime-valid p-value min(1, 1/largest wealth). */
        public double p() {
            return Math.min(1, 1 / largestWealth);
        }
    }

    public static Evidence test(double[] observations, double bound, Alternative alternative) {
        if (!(bound > -1 && bound < 1)) {
            throw new IllegalArgumentException("the bound must lie strictly between -1 and 1, got " + bound);
        }
        double sign = alternative == Alternative.BELOW ? 1 : -1;
        double reach = alternative == Alternative.BELOW ? 1 - bound : 1 + bound; // the largest loss per unit staked
        double[] wealth = new double[BETS];
        java.util.Arrays.fill(wealth, 1);
        double current = 1;
        double largest = 1;
        for (double x : observations) {
            if (!(x >= -1 && x <= 1)) {
                throw new IllegalArgumentException("observations must lie in [-1, 1], got " + x);
            }
            double gain = sign * (bound - x);
            current = 0;
            for (int k = 0; k < BETS; k++) {
                wealth[k] *= 1 + (k + 1) / (double) BETS * STAKE / reach * gain;
                current += wealth[k];
            }
            current /= BETS;
            largest = Math.max(largest, current);
        }
        return new Evidence(observations.length, current, largest);
    }
}
