package dev.agentic.stats;

/**
 * The sequential design of adaptive trials: paired differences x_j = child − parent of one trial each, in the order
 * they were run, judged by four anytime-valid {@link BettingTest}s, so that trials may be added where they decide and
 * the run stopped on the data without changing the error rates:
 * <ul>
 *   <li>worse: "the child is worse by more than the margin" (mean below −margin) is shown when its p-value is below α;</li>
 *   <li>better: "better by more than the margin" likewise;</li>
 *   <li>not worse by the effect: "the mean is above −effect" shown at β: a child truly worse by the effect stops
 *       here with probability at most β; and not better by the effect likewise.</li>
 * </ul>
 * The run is settled when it is shown worse or better, or shown neither worse nor better by the effect. Each of
 * worse and better is a one-sided test at α, like the fixed-sample verdict ({@link PairedTTest}).
 *
 * @param alpha the one-sided level of "worse" and of "better"
 * @param beta the chance of stopping for futility when the true difference is the effect
 * @param margin differences within it never decide, in resolved-rate units
 * @param effect the difference the design is to find (beyond the margin), in resolved-rate units
 */
public record SequentialTest(double alpha, double beta, double margin, double effect) {

    /** α = 0.05 one-sided, β = 0.2, no margin, designed for a 10-point difference. */
    public static final SequentialTest DEFAULT = new SequentialTest(0.05, 0.2, 0, 0.10);

    public SequentialTest {
        if (!(alpha > 0 && alpha < 0.5) || !(beta > 0 && beta < 0.5)) {
            throw new IllegalArgumentException("α and β must lie between 0 and 0.5, got " + alpha + " and " + beta);
        }
        if (!(margin >= 0 && effect > margin && effect < 1)) {
            throw new IllegalArgumentException("need 0 <= margin < effect < 1, got margin " + margin + " and effect " + effect);
        }
    }

    /**
     * What the differences show so far.
     *
     * @param pWorse anytime-valid p-value for "worse by more than the margin"
     * @param pBetter for "better by more than the margin"
     * @param notWorseByEffect "not worse by the effect" is shown at β
     * @param notBetterByEffect "not better by the effect" is shown at β
     */
    public record Outcome(int pairs, double pWorse, double pBetter, boolean worse, boolean better, boolean notWorseByEffect,
                          boolean notBetterByEffect) {

        /** Whether the evidence suffices: worse, better, or neither by the effect. */
        public boolean settled() {
            return worse || better || notWorseByEffect && notBetterByEffect;
        }

        /** {@code worse}, {@code better}, {@code neither by the effect}, or {@code undecided}. */
        public String decision() {
            return worse ? "worse" : better ? "better" : notWorseByEffect && notBetterByEffect ? "neither by the effect" : "undecided";
        }
    }

    public Outcome judge(double[] differences) {
        double pWorse = pWorse(differences, margin);
        double pBetter = pBetter(differences, margin);
        boolean notWorse = Significance.significant(BettingTest.test(differences, -effect, BettingTest.Alternative.ABOVE).p(), beta);
        boolean notBetter = Significance.significant(BettingTest.test(differences, effect, BettingTest.Alternative.BELOW).p(), beta);
        boolean worse = Significance.significant(pWorse, alpha);
        return new Outcome(differences.length, pWorse, pBetter, worse, !worse && Significance.significant(pBetter, alpha), notWorse,
                notBetter);
    }

    /** The anytime-valid p-value for "worse by more than {@code margin}" (mean below −margin), at any α. */
    public static double pWorse(double[] differences, double margin) {
        return BettingTest.test(differences, -margin, BettingTest.Alternative.BELOW).p();
    }

    /** The anytime-valid p-value for "better by more than {@code margin}" (mean above margin), at any α. */
    public static double pBetter(double[] differences, double margin) {
        return BettingTest.test(differences, margin, BettingTest.Alternative.ABOVE).p();
    }
}
