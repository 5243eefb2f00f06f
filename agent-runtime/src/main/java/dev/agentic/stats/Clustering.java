package dev.agentic.stats;

import java.util.List;

/** Trials clustered by task: how much K trials of one task are worth compared with K independent tasks. */
public final class Clustering {

    private Clustering() {}

    /**
     * Intraclass correlation of pass/fail outcomes grouped by task, by the one-way ANOVA estimator
     * ICC = (MSB − MSW) / (MSB + (k − 1)·MSW) with k the mean group size, clamped to [0, 1]. Groups
     * of one trial carry no within-task information; with all groups of size 1 the result is 0.
     *
     * @param groups per task, its outcomes (1 pass, 0 fail)
     */
    public static double icc(List<List<Integer>> groups) {
        int n = 0;
        double sum = 0;
        for (List<Integer> g : groups) {
            n += g.size();
            for (int x : g) {
                sum += x;
            }
        }
        int a = groups.size();
        if (a < 2 || n <= a) {
            return 0;
        }
        double mean = sum / n;
        double ssb = 0;
        double ssw = 0;
        for (List<Integer> g : groups) {
            double gm = g.stream().mapToInt(Integer::intValue).average().orElse(0);
            ssb += g.size() * (gm - mean) * (gm - mean);
            for (int x : g) {
                ssw += (x - gm) * (x - gm);
            }
        }
        double msb = ssb / (a - 1);
        double msw = ssw / (n - a);
        double k = (double) n / a;
        double denominator = msb + (k - 1) * msw;
        if (denominator <= 0) {
            return msb > 0 ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (msb - msw) / denominator));
    }

    /** Design effect 1 + (K − 1)·ICC: the factor by which clustering shrinks the effective sample size. */
    public static double designEffect(double trialsPerTask, double icc) {
        return 1 + (trialsPerTask - 1) * icc;
    }
}
