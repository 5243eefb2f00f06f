package dev.agentic.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The betting test and the sequential design of adaptive trials: a value by hand, and error rates under peeking. */
class SequentialTestTest {

    @Test
    void wealthIsTheMeanOfTenHedgedGamblersByHand() {
        // bound 0, alternative below: λ_k = 0.075·k; two observations of −1 multiply each wealth by (1 + λ_k)²;
        // mean over k = 1..10 of (1 + 0.075k)² = (10 + 0.15·55 + 0.005625·385)/10 = 2.0415625
        BettingTest.Evidence evidence = BettingTest.test(new double[] {-1, -1}, 0, BettingTest.Alternative.BELOW);
        assertThat(evidence.wealth()).isCloseTo(2.0415625, offset(1e-12));
        assertThat(evidence.p()).isCloseTo(1 / 2.0415625, offset(1e-12));
        // the same observations say nothing for "above": every gambler loses, the largest wealth stays 1
        assertThat(BettingTest.test(new double[] {-1, -1}, 0, BettingTest.Alternative.ABOVE).p()).isEqualTo(1.0);
        // the p-value keeps the best wealth so far: a later loss does not take it back
        BettingTest.Evidence after = BettingTest.test(new double[] {-1, -1, 1}, 0, BettingTest.Alternative.BELOW);
        assertThat(after.wealth()).isLessThan(after.largestWealth());
        assertThat(after.p()).isEqualTo(evidence.p());
    }

    @Test
    void peekingAfterEveryPairKeepsTheFalseAlarmRateBelowAlpha() {
        // A/A: each pair is −1 or +1 with probability 0.2 each, else 0; looking after every one of 300 pairs and stopping at
        // the first p < 0.05 (the largest wealth over the path) must raise a false alarm in at most 5 % of 2,000 runs
        SplittableRandom random = new SplittableRandom(17);
        int alarms = 0;
        int runs = 2000;
        for (int r = 0; r < runs; r++) {
            double[] pairs = new double[300];
            for (int j = 0; j < pairs.length; j++) {
                double u = random.nextDouble();
                pairs[j] = u < 0.2 ? -1 : u < 0.4 ? 1 : 0;
            }
            alarms += Significance.significant(SequentialTest.pWorse(pairs, 0), 0.05) ? 1 : 0;
        }
        assertThat(alarms / (double) runs).isLessThanOrEqualTo(0.05).isGreaterThan(0.0);
    }

    @Test
    void aTrueDifferenceIsFoundAndEightStraightLossesSettleAsWorse() {
        double[] seven = new double[7];
        double[] eight = new double[8];
        Arrays.fill(seven, -1);
        Arrays.fill(eight, -1);
        // 8 losses: mean over k of (1 + 0.075k)^8 = 27.3 >= 20; 7 losses: 17.1 < 20
        assertThat(SequentialTest.DEFAULT.judge(eight).worse()).isTrue();
        assertThat(SequentialTest.DEFAULT.judge(eight).settled()).isTrue();
        assertThat(SequentialTest.DEFAULT.judge(seven).worse()).isFalse();
        assertThat(SequentialTest.DEFAULT.judge(seven).decision()).isEqualTo("undecided");
        // many concordant pairs: neither worse nor better by the 10-point effect, so the run may stop
        SequentialTest.Outcome same = SequentialTest.DEFAULT.judge(new double[400]);
        assertThat(same.worse() || same.better()).isFalse();
        assertThat(same.settled()).isTrue();
        assertThat(same.decision()).isEqualTo("neither by the effect");
        // a margin needs the difference beyond it: 8 losses among 40 pairs (mean −0.2) show worse without a margin, not beyond 20 points
        double[] mixed = new double[40];
        for (int j = 0; j < 8; j++) {
            mixed[5 * j + 4] = -1; // each loss after four ties
        }
        assertThat(SequentialTest.pWorse(mixed, 0)).isLessThan(SequentialTest.pWorse(mixed, 0.2));
        assertThat(SequentialTest.pWorse(mixed, 0.2)).isEqualTo(1.0);
    }
}
