package dev.agentic.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The paired t-test on per-task differences d_i = child_i − parent_i, each a task's mean over its trials
 * (Student 1908; Miller 2024, "Adding Error Bars to Evals", arXiv 2411.00640, §3: paired differences,
 * clustered by task). Δ = mean d_i; its standard error is the task-clustered one, which with one value per
 * task is SE = √(n/(n−1) · Σ(d_i − Δ)²)/n = sd(d)/√n; the reference distribution is Student's t with n − 1
 * degrees of freedom. One-sided: the p-value for "the mean is below b" is P(T ≤ (Δ − b)/SE), for "above b"
 * P(T ≥ (Δ − b)/SE); each end of the interval Δ ± t_{1−α}·SE is a one-sided 1 − α bound, so the interval is
 * two-sided at 1 − 2α and excludes b exactly when the one-sided p-value is below α.
 *
 * <p>Small samples. No p-value is below 2^−m, m the tasks that differ (d_i ≠ 0): under "no difference" the
 * 2^m sign patterns of the differing tasks are equally likely, so no test free of the normal approximation
 * can show more than 2^−m, and a smaller t-test p-value would rest on that approximation alone. At α = 0.05
 * this asks for at least 5 differing tasks. With no task differing, or a single task, nothing is estimable:
 * the p-values are 1 and there is no interval. With every task differing by the same amount the spread is 0:
 * there is no interval, and the p-value in the direction of Δ is 2^−m.
 */
public record PairedTTest(int tasks, int differing, double mean, double standardDeviation) {

    public PairedTTest {
        if (tasks < 1) {
            throw new IllegalArgumentException("no paired tasks to test");
        }
    }

    public static PairedTTest of(double[] differences) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no paired tasks to test");
        }
        double sum = 0;
        int differing = 0;
        for (double d : differences) {
            sum += d;
            differing += d != 0 ? 1 : 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (double d : differences) {
            squares += (d - mean) * (d - mean);
        }
        return new PairedTTest(n, differing, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)));
    }

    /** The task-clustered standard error sd(d)/√n; NaN for a single task. */
    public double standardError() {
        return standardDeviation / Math.sqrt(tasks);
    }

    public int degreesOfFreedom() {
        return tasks - 1;
    }

    /** Why Δ has no interval: {@code one task}, {@code no task differs}, {@code every task differs by the same amount}; null when it has one. */
    public String notEstimable() {
        if (tasks < 2) {
            return "one task";
        }
        if (differing == 0) {
            return "no task differs";
        }
        return standardDeviation == 0 ? "every task differs by the same amount" : null;
    }

    /** The smallest p-value the differing tasks can show: 2^−m. */
    public double floor() {
        return Math.pow(2, -differing);
    }

    /** One-sided p-value for "the mean is below {@code bound}". */
    public double pBelow(double bound) {
        return p(mean - bound, true);
    }

    /** One-sided p-value for "the mean is above {@code bound}". */
    public double pAbove(double bound) {
        return p(mean - bound, false);
    }

    /** t_{1−α} with n − 1 degrees of freedom; infinite for a single task. */
    public double critical(double alpha) {
        return quantile(1 - alpha, degreesOfFreedom());
    }

    /** Δ ± t_{1−α}·SE: two-sided at 1 − 2α, each end a one-sided 1 − α bound; null when not estimable. */
    public Interval interval(double alpha) {
        if (notEstimable() != null) {
            return null;
        }
        double half = critical(alpha) * standardError();
        return new Interval(mean - half, mean + half);
    }

    /** The Student t quantile; infinite with no degree of freedom. */
    public static double quantile(double probability, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            return probability > 0.5 ? Double.POSITIVE_INFINITY : probability < 0.5 ? Double.NEGATIVE_INFINITY : 0;
        }
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(probability);
    }

    private double p(double shift, boolean below) {
        if (tasks < 2 || differing == 0) {
            return 1.0;
        }
        double se = standardError();
        double p;
        if (se == 0) {
            p = below ? (shift < 0 ? 0 : 1) : (shift > 0 ? 0 : 1);
        } else {
            TDistribution t = TDistribution.of(degreesOfFreedom());
            p = below ? t.cumulativeProbability(shift / se) : t.survivalProbability(shift / se);
        }
        return Math.max(floor(), p);
    }
}
