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
