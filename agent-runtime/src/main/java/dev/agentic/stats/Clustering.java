package dev.agentic.stats;

import java.util.List;

/** Trials clustered by task: how much K trials of one task are worth compared with K independent tasks. */
public final class Clustering {

    private Clustering() {}

    /**
     * Intraclass correlation of pass/fail outcomes grouped by task, by the one-way ANOVA estimator
     * ICC = (MSB − MSW) / (MSB + (k₀ − 1)·MSW), clamped to [0, 1] (Fisher 1925; Donner 1986, "A review of
     * inference procedures for the intraclass correlation coefficient in the one-way random effects model").
     * k₀ = (N − Σ n_i²/N)/(a − 1) is the group size that makes the expected mean squares come out right when
     * groups are unequal (infrastructure failures left out, adaptive trials); it is the common size when they
     * are equal. The ICC is undefined (NaN) when the outcomes say nothing about it: fewer than two groups, no
     * group of two or more trials, or every outcome the same (MSB = MSW = 0). When every group is uniform but
     * groups differ (MSW = 0, MSB > 0) it is 1.
     *
     * @param groups per task, its outcomes (1 pass, 0 fail)
     */
    public static double icc(List<List<Integer>> groups) {
        int n = 0;
        double sum = 0;
        double squaredSizes = 0;
        for (List<Integer> g : groups) {
            n += g.size();
            squaredSizes += (double) g.size() * g.size();
            for (int x : g) {
                sum += x;
            }
        }
        int a = groups.size();
        if (a < 2 || n <= a) {
            return Double.NaN;
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
        double k0 = (n - squaredSizes / n) / (a - 1);
        double denominator = msb + (k0 - 1) * msw;
        if (denominator <= 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, (msb - msw) / denominator));
    }

    /**
     * Design effect 1 + (K − 1)·ICC: the factor by which clustering shrinks the effective sample size. An undefined
     * ICC counts as 1, so that K trials of a task are worth one task: the conservative choice when nothing shows
     * how alike they are.
     */
    public static double designEffect(double trialsPerTask, double icc) {
        return 1 + (trialsPerTask - 1) * (Double.isNaN(icc) ? 1 : icc);
    }

    /**
     * The design effect of the pass rate over all trials of {@code groups} (Kish 1965, §5.4): 1 + (k̄ − 1)·ICC with
     * k̄ = Σ n_i²/N, the size-weighted mean group size, which is K when every task has K trials; an undefined ICC
     * counts as 1 ({@link #designEffect(double, double)}).
     */
    public static double designEffect(List<List<Integer>> groups) {
        double n = 0;
        double squaredSizes = 0;
        for (List<Integer> g : groups) {
            n += g.size();
            squaredSizes += (double) g.size() * g.size();
        }
        return n == 0 ? 1 : designEffect(squaredSizes / n, icc(groups));
    }
}
