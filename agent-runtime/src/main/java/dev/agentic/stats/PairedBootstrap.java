package dev.agentic.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval for the mean of per-task differences d_i = child_i − parent_i
 * (Efron & Tibshirani 1993, ch. 13). Tasks are resampled with replacement, never single trials,
 * so that the interval respects that trials of one task are alike. Seeded: the same data and seed
 * give the same interval.
 */
public final class PairedBootstrap {

    private PairedBootstrap() {}

    public static Interval meanInterval(double[] differences, int resamples, double confidence, long seed) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no paired tasks to bootstrap");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("use at least 100 bootstrap resamples, got " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += differences[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(means, tail), quantile(means, 1 - tail));
    }

    /** The empirical quantile with linear interpolation between order statistics. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
