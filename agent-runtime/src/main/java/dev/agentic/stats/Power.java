package dev.agentic.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The smallest difference a paired design can detect (Miller 2024, "Adding Error Bars to Evals",
 * arXiv 2411.00640): n = (z_α + z_β)²·(ω² + (σ²_A + σ²_B)/K)/δ², solved for δ. ω² is the variance of
 * the task-level difference of true scores, σ² the within-task variance of one trial's outcome,
 * K the trials per task, n the tasks; α is one-sided.
 */
public final class Power {

    /** Planning values from the reference figures: ω² = 0.05, σ² = 0.15 for both variants. */
    public static final double PLANNING_OMEGA2 = 0.05;
    public static final double PLANNING_SIGMA2 = 0.15;

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private Power() {}

    public static double minimumDetectableEffect(int tasks, double trialsPerTask, double alphaOneSided, double power,
                                                 double omega2, double sigma2A, double sigma2B) {
        if (tasks < 1 || trialsPerTask <= 0) {
            throw new IllegalArgumentException("need at least one task and trial");
        }
        double z = z(1 - alphaOneSided) + z(power);
        return z * Math.sqrt((omega2 + (sigma2A + sigma2B) / trialsPerTask) / tasks);
    }

    /** With the planning values. */
    public static double minimumDetectableEffect(int tasks, double trialsPerTask, double alphaOneSided, double power) {
        return minimumDetectableEffect(tasks, trialsPerTask, alphaOneSided, power, PLANNING_OMEGA2, PLANNING_SIGMA2, PLANNING_SIGMA2);
    }

    /** The standard normal quantile. */
    public static double z(double probability) {
        return STANDARD.inverseCumulativeProbability(probability);
    }
}
