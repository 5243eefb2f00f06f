package dev.agentic.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProportionsTest {

    @Test
    void wilsonMatchesReferenceValues() {
        // 15 of 20 at 95 %, worked by hand from Wilson's formula with z² = 3.8415:
        // centre = (0.75 + 3.8415/40) / (1 + 3.8415/20) = 0.70973, half = 1.96/1.19207 * sqrt(0.009375 + 0.00240) = 0.17843
        Interval interval = Proportions.wilson(15, 20, Proportions.Z95);
        assertThat(interval.low()).isCloseTo(0.5313, offset(1e-4));
        assertThat(interval.high()).isCloseTo(0.8881, offset(1e-4));
        // 0 of 10: with no successes the Wilson upper bound reduces to z²/(n + z²) = 0.2775
        assertThat(Proportions.wilson(0, 10, Proportions.Z95).high()).isCloseTo(3.8415 / 13.8415, offset(1e-4));
        assertThat(Proportions.wilson(0, 0, Proportions.Z95)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void wilsonCoversTheTruthAtAboutItsNominalRate() {
        Random random = new Random(7);
        int covered = 0;
        int runs = 4000;
        for (int run = 0; run < runs; run++) {
            int successes = 0;
            for (int i = 0; i < 60; i++) {
                successes += random.nextDouble() < 0.35 ? 1 : 0;
            }
            covered += Proportions.wilson(successes, 60, Proportions.Z95).contains(0.35) ? 1 : 0;
        }
        assertThat(covered / (double) runs).isBetween(0.93, 0.97);
    }

    @Test
    void wilsonKeepsItsCoverageWhereTheWaldIntervalLosesIt() {
        // exact coverage, summing Binomial(n, p) over the outcomes whose interval holds p: near 0 and small n the Wald
        // interval p̂ ± z·√(p̂(1−p̂)/n) falls to 0.87 (n = 40, p = 0.05) and 0.81 (n = 30, p = 0.1); Wilson's stays near 0.95
        for (double[] design : new double[][] {{40, 0.05}, {30, 0.1}}) {
            int n = (int) design[0];
            double p = design[1];
            assertThat(coverage(n, p, true)).as("Wilson at n = %d, p = %.2f", n, p).isBetween(0.94, 0.98);
            assertThat(coverage(n, p, false)).as("Wald at n = %d, p = %.2f", n, p).isLessThan(0.90);
        }
    }

    private static double coverage(int n, double p, boolean wilson) {
        double covered = 0;
        for (int x = 0; x <= n; x++) {
            double probability = org.apache.commons.statistics.distribution.BinomialDistribution.of(n, p).probability(x);
            Interval interval = wilson ? Proportions.wilson(x, n, Proportions.Z95) : wald(x, n);
            covered += interval.contains(p) ? probability : 0;
        }
        return covered;
    }

    /** The interval Wilson's replaces, as the foil that the coverage test must tell apart. */
    private static Interval wald(int x, int n) {
        double phat = (double) x / n;
        double half = Proportions.Z95 * Math.sqrt(phat * (1 - phat) / n);
        return new Interval(phat - half, phat + half);
    }

    @Test
    void passAtKAndPassHatK() {
        // n = 5, c = 2, k = 2: 1 - C(3,2)/C(5,2) = 1 - 3/10; pass^2 = C(2,2)/C(5,2) = 1/10
        assertThat(Proportions.passAtK(5, 2, 2)).isCloseTo(0.7, offset(1e-12));
        assertThat(Proportions.passHatK(5, 2, 2)).isCloseTo(0.1, offset(1e-12));
        assertThat(Proportions.passAtK(3, 0, 1)).isZero();
        assertThat(Proportions.passAtK(3, 3, 3)).isEqualTo(1.0);
        assertThat(Proportions.passAtK(4, 1, 1)).isCloseTo(0.25, offset(1e-12));
        assertThat(Proportions.passHatK(3, 1, 2)).isZero();
    }
}
