package dev.agentic.stats;

/**
 * The one boundary between "shown" and "not shown": a p-value shows its alternative when it is strictly
 * below α. The verdict, promotion after Holm's correction and the sequential test of adaptive trials all
 * decide with it, so a p-value of exactly α decides nowhere.
 */
public final class Significance {

    private Significance() {}

    public static boolean significant(double p, double alpha) {
        return p < alpha;
    }
}
