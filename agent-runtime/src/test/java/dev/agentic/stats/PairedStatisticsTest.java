package dev.agentic.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference values worked by hand from the formulas (the arithmetic is in the comments), and seeded simulations. */
class PairedStatisticsTest {

    @Test
    void signTestMatchesTheBinomialByHand() {
        // n = 12 discordant tasks, 2 child wins: P(X <= 2) = (C(12,0) + C(12,1) + C(12,2)) / 2^12 = (1 + 12 + 66) / 4096 = 0.0192871
        assertThat(SignTest.childWorse(2, 10)).isCloseTo(79.0 / 4096, offset(1e-12));
        assertThat(SignTest.twoSided(2, 10)).isCloseTo(2 * 79.0 / 4096, offset(1e-12));
        assertThat(SignTest.childBetter(10, 2)).isCloseTo(79.0 / 4096, offset(1e-12));
        // no discordant task: no evidence either way
        assertThat(SignTest.twoSided(0, 0)).isEqualTo(1.0);
        // 5 of 5 wins: P(X >= 5) = 1/32
        assertThat(SignTest.childBetter(5, 0)).isCloseTo(1.0 / 32, offset(1e-12));
    }

    @Test
    void holmStepDown() {
        // sorted 0.01, 0.03, 0.04 -> 3*0.01 = 0.03, max(0.03, 2*0.03) = 0.06, max(0.06, 1*0.04) = 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(new double[] {0.03, 0.06, 0.06}, offset(1e-12));
        assertThat(Holm.rejected(new double[] {0.01, 0.04, 0.03}, 0.05)).containsExactly(true, false, false);
        assertThat(Holm.adjust(new double[] {0.5})).containsExactly(0.5);
    }

    @Test
    void minimumDetectableEffectReproducesTheReferenceFigures() {
        // (1.6449 + 0.8416) * sqrt((0.05 + 0.30/5) / 50) = 2.4865 * 0.046904 = 0.11663 ("K = 5 detects about 12 points")
        assertThat(Power.minimumDetectableEffect(50, 5, 0.05, 0.8)).isCloseTo(0.11663, offset(1e-4));
        // 2.4865 * sqrt((0.05 + 0.30) / 50) = 2.4865 * 0.083666 = 0.20803 ("K = 1 about 21 points")
        assertThat(Power.minimumDetectableEffect(50, 1, 0.05, 0.8)).isCloseTo(0.20803, offset(1e-4));
        assertThat(Power.z(0.975)).isCloseTo(1.959964, offset(1e-6));
    }

    @Test
    void sprtBoundsAndDecisions() {
        Sprt sprt = new Sprt(0.7, 0.05, 0.2);
        // ln(0.8 / 0.05) = ln 16 = 2.7726; ln(0.2 / 0.95) = -1.5581
        assertThat(sprt.upper()).isCloseTo(2.7726, offset(1e-4));
        assertThat(sprt.lower()).isCloseTo(-1.5581, offset(1e-4));
        // 10 wins, 1 loss: 10 ln 1.4 + ln 0.6 = 3.3647 - 0.5108 = 2.8539 >= 2.7726
        assertThat(sprt.llr(10, 1)).isCloseTo(2.8539, offset(1e-4));
        assertThat(sprt.decide(10, 1)).isEqualTo(Sprt.Decision.ACCEPT_H1);
        assertThat(sprt.decide(9, 1)).isEqualTo(Sprt.Decision.CONTINUE);
        // 0 wins, 4 losses: 4 ln 0.6 = -2.0433 <= -1.5581
        assertThat(sprt.decide(0, 4)).isEqualTo(Sprt.Decision.ACCEPT_H0);
    }

    @Test
    void bootstrapIsSeededAndDegenerateDataGiveAPoint() {
        double[] d = {0.2, 0.2, 0.2, 0.2};
        assertThat(PairedBootstrap.meanInterval(d, 1000, 0.95, 1)).isEqualTo(new Interval(0.2, 0.2));
        double[] mixed = {1, 0, -1, 0, 0.5, 0, 0, 1, -0.5, 0};
        assertThat(PairedBootstrap.meanInterval(mixed, 5000, 0.95, 42)).isEqualTo(PairedBootstrap.meanInterval(mixed, 5000, 0.95, 42));
    }

    @Test
    void bootstrapIntervalCoversTheTrueMeanAtAboutItsNominalRate() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            double[] d = new double[50];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextDouble() < 0.3 ? (random.nextBoolean() ? 1 : -1) * 0.5 + 0.1 : 0.1;
            }
            covered += PairedBootstrap.meanInterval(d, 1000, 0.95, run).contains(0.1) ? 1 : 0;
        }
        assertThat(covered / (double) runs).isBetween(0.90, 0.98);
    }
}
