package dev.agentic.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The smallest true difference the verdict's rule detects with a given power (Miller 2024, "Adding Error Bars
 * to Evals", arXiv 2411.00640, §5), for the rule in use: the one-sided paired t-test at α beyond a margin
 * ({@link PairedTTest}). The rule shows "worse by more than the margin m" when Δ̂ + t_{1−α}·SE < −m; at a true
 * Δ = −δ it does so with power P(T ≤ (δ − m)/SE − t_{1−α}), so
 * δ = m + (t_{1−α, n−1} + t_{power, n−1})·SE, SE = sd(d)/√n. By design sd(d)² = ω² + (σ²_A + σ²_B)/K: ω² the
 * variance over tasks of the true difference, σ² the within-task variance of one trial's outcome, K the trials
 * per task, n the tasks. After the fact, sd(d) is the observed spread of the differences. The 2^−m floor of the
 * test's p-value ({@link PairedTTest}) is left out: it binds only when fewer than log₂(1/α) tasks differ.
 */
public final class Power {

    /** Planning values from the reference figures: ω² = 0.05, σ² = 0.15 for both variants. */
    public static final double PLANNING_OMEGA2 = 0.05;
    public static final double PLANNING_SIGMA2 = 0.15;

    /** The power every minimum detectable effect is stated at. */
    public static final double POWER = 0.8;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Power() {}

    /** By design: sd(d)² = ω² + (σ²_A + σ²_B)/K. */
    public static double minimumDetectableEffect(int tasks, double trialsPerTask, double alpha, double power, double margin,
                                                 double omega2, double sigma2A, double sigma2B) {
        if (trialsPerTask <= 0) {
            throw new IllegalArgumentException("need at least one trial per task, got " + trialsPerTask);
        }
        return forSpread(tasks, Math.sqrt(omega2 + (sigma2A + sigma2B) / trialsPerTask), alpha, power, margin);
    }

    /** By design, with the planning values. */
    public static double minimumDetectableEffect(int tasks, double trialsPerTask, double alpha, double power, double margin) {
        return minimumDetectableEffect(tasks, trialsPerTask, alpha, power, margin, PLANNING_OMEGA2, PLANNING_SIGMA2, PLANNING_SIGMA2);
    }

    /**
     * For a spread sd(d) of the per-task differences (the observed one, after the fact): m + (t_{1−α} + t_{power})·sd(d)/√n,
     * with n − 1 degrees of freedom; NaN for fewer than two tasks, or no spread to go by.
     */
    public static double forSpread(int tasks, double sdOfDifferences, double alpha, double power, double margin) {
        if (tasks < 1) {
            throw new IllegalArgumentException("need at least one task, got " + tasks);
        }
        if (tasks < 2 || !(sdOfDifferences > 0)) {
            return Double.NaN;
        }
        int df = tasks - 1;
        return margin + (PairedTTest.quantile(1 - alpha, df) + PairedTTest.quantile(power, df)) * sdOfDifferences / Math.sqrt(tasks);
    }

    /** The standard normal quantile. */
    public static double z(double probability) {
        return STANDARD.inverseCumulativeProbability(probability);
    }
}
