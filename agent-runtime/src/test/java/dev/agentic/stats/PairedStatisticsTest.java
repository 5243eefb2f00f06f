package dev.agentic.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference values worked by hand from the formulas (the arithmetic is in the comments), and seeded simulations. */
class PairedStatisticsTest {

    @Test
    void pairedTTestMatchesTheFormulaByHand() {
        // d = -1, -2/3, -1/3, 0, -1/3, 1/3, -1, -2/3, 0, -1/3: Σd = -4, Δ = -0.4; Σ(d - Δ)² = 1.73333, sd = √(1.73333/9) = 0.438854,
        // SE = sd/√10 = 0.138778; t = -0.4/0.138778 = -2.88231 on 9 df: P(T ≤ t) = 0.0090549 (8 tasks differ: floor 2^-8 = 0.0039 does not bind)
        double[] d = {-1, -2.0 / 3, -1.0 / 3, 0, -1.0 / 3, 1.0 / 3, -1, -2.0 / 3, 0, -1.0 / 3};
        PairedTTest test = PairedTTest.of(d);
        assertThat(test.mean()).isCloseTo(-0.4, offset(1e-12));
        assertThat(test.standardError()).isCloseTo(0.138778, offset(1e-6));
        assertThat(test.differing()).isEqualTo(8);
        assertThat(test.pBelow(0)).isCloseTo(0.0090549, offset(1e-6));
        assertThat(test.pAbove(0)).isCloseTo(1 - 0.0090549, offset(1e-6));
        // beyond a margin of 5 points: t = (-0.4 + 0.05)/0.138778 = -2.52202, P = 0.016330
        assertThat(test.pBelow(-0.05)).isCloseTo(0.016330, offset(1e-6));
        // t_{0.95, 9} = 1.833113: Δ ± 1.833113·0.138778 = [-0.654395, -0.145605], a two-sided 90 % interval
        assertThat(test.critical(0.05)).isCloseTo(1.833113, offset(1e-6));
        assertThat(test.interval(0.05).low()).isCloseTo(-0.654395, offset(1e-6));
        assertThat(test.interval(0.05).high()).isCloseTo(-0.145605, offset(1e-6));
    }

    @Test
    void fewDifferingTasksCannotShowMoreThanTheirSignPatterns() {
        // d = 0.5, 0.5, 0, 1, 0: Δ = 0.4, SE = 0.418330/√5 = 0.187083, t = 2.13809 on 4 df: P(T ≥ t) = 0.049650 — below 0.05,
        // but only 3 tasks differ: the 2^3 sign patterns cannot show less than 1/8
        PairedTTest test = PairedTTest.of(new double[] {0.5, 0.5, 0, 1, 0});
        assertThat(test.floor()).isEqualTo(0.125);
        assertThat(test.pAbove(0)).isEqualTo(0.125);
        assertThat(Significance.significant(test.pAbove(0), 0.05)).isFalse();
        assertThat(test.interval(0.05)).isNotNull();
    }

    @Test
    void identicalOutcomesHaveNoIntervalAndShowNothing() {
        PairedTTest none = PairedTTest.of(new double[] {0, 0, 0, 0, 0, 0});
        assertThat(none.notEstimable()).isEqualTo("no task differs");
        assertThat(none.interval(0.05)).isNull();
        assertThat(none.pBelow(0)).isEqualTo(1.0);
        assertThat(none.pAbove(0)).isEqualTo(1.0);
        assertThat(PairedTTest.of(new double[] {-1}).notEstimable()).isEqualTo("one task");
        assertThat(PairedTTest.of(new double[] {-1}).pBelow(0)).isEqualTo(1.0);
        // every task one point worse: no spread, so no interval; the one sign pattern of 6 tasks shows 2^-6 = 1/64
        PairedTTest same = PairedTTest.of(new double[] {-1, -1, -1, -1, -1, -1});
        assertThat(same.notEstimable()).isEqualTo("every task differs by the same amount");
        assertThat(same.pBelow(-0.05)).isEqualTo(1.0 / 64);
        assertThat(same.pAbove(0.05)).isEqualTo(1.0);
    }

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
    void holmStepDownWithTheVerdictsBoundary() {
        // sorted 0.01, 0.03, 0.04 -> 3*0.01 = 0.03, max(0.03, 2*0.03) = 0.06, max(0.06, 1*0.04) = 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(new double[] {0.03, 0.06, 0.06}, offset(1e-12));
        assertThat(Holm.rejected(new double[] {0.01, 0.04, 0.03}, 0.05)).containsExactly(true, false, false);
        assertThat(Holm.adjust(new double[] {0.5})).containsExactly(0.5);
        // p = α is not below α: rejected neither by Holm nor by the verdict's boundary
        assertThat(Holm.rejected(new double[] {0.05}, 0.05)).containsExactly(false);
        assertThat(Significance.significant(0.05, 0.05)).isFalse();
    }

    @Test
    void minimumDetectableEffectIsTheRuleInUse() {
        // t_{0.95, 49} = 1.676551, t_{0.80, 49} = 0.849018: sum 2.525569
        // K = 5: 2.525569 * sqrt((0.05 + 0.30/5) / 50) = 2.525569 * 0.046904 = 0.118459
        assertThat(Power.minimumDetectableEffect(50, 5, 0.05, 0.8, 0)).isCloseTo(0.118459, offset(1e-5));
        // K = 3: 2.525569 * sqrt(0.15 / 50) = 2.525569 * 0.054772 = 0.138331
        assertThat(Power.minimumDetectableEffect(50, 3, 0.05, 0.8, 0)).isCloseTo(0.138331, offset(1e-5));
        // K = 1: 2.525569 * sqrt(0.35 / 50) = 2.525569 * 0.083666 = 0.211304
        assertThat(Power.minimumDetectableEffect(50, 1, 0.05, 0.8, 0)).isCloseTo(0.211304, offset(1e-5));
        // a margin adds itself: the rule needs Δ beyond the margin by the same number of standard errors
        assertThat(Power.minimumDetectableEffect(50, 3, 0.05, 0.8, 0.05)).isCloseTo(0.188331, offset(1e-5));
        // after the fact, from an observed sd(d) = 0.3: 2.525569 * 0.3/√50 = 0.107151
        assertThat(Power.forSpread(50, 0.3, 0.05, 0.8, 0)).isCloseTo(0.107151, offset(1e-5));
        assertThat(Power.forSpread(50, 0, 0.05, 0.8, 0)).isNaN();
        assertThat(Power.z(0.975)).isCloseTo(1.959964, offset(1e-6));
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
