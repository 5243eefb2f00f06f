package dev.agentic.stats;

/** Intervals and pass@k for pass/fail outcomes. */
public final class Proportions {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Proportions() {}

    /**
     * Wilson score interval for {@code successes} out of {@code n} (Wilson 1927): centre
     * (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1−p̂)/n + z²/4n²). With n = 0 the
     * interval is [0, 1]. {@code n} may be an effective sample size (not an integer) when trials
     * are clustered by task.
     */
    public static Interval wilson(double successes, double n, double z) {
        if (n <= 0) {
            return new Interval(0, 1);
        }
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Unbiased pass@k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code"):
     * 1 − C(n−c, k)/C(n, k) for n trials with c passes, computed as a running product to avoid
     * large binomials. Requires k ≤ n.
     */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1.0;
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }

    /** pass^k (τ-bench): the chance that k trials drawn without replacement all pass, C(c, k)/C(n, k). */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        double all = 1.0;
        for (int i = 0; i < k; i++) {
            all *= (double) (c - i) / (n - i);
        }
        return Math.max(0, all);
    }

    private static void check(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 1 <= k <= n and 0 <= c <= n, got n=" + n + ", c=" + c + ", k=" + k);
        }
    }
}
