package dev.agentic.stats;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for m simultaneous tests (Holm 1979): sort the p-values, compare the
 * j-th smallest with α/(m − j + 1), stop at the first that fails. As adjusted p-values:
 * p̃_(j) = max over i ≤ j of min(1, (m − i + 1)·p_(i)); reject where p̃ < α ({@link Significance}).
 */
public final class Holm {

    private Holm() {}

    /** Adjusted p-values, in the order of {@code p}. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    public static boolean[] rejected(double[] p, double alpha) {
        double[] adjusted = adjust(p);
        boolean[] reject = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            reject[i] = Significance.significant(adjusted[i], alpha);
        }
        return reject;
    }
}
