package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The promotion rule on comparisons with known rates, verdicts and p-values. */
class PromotionTest {

    static final double ALPHA = 0.05;

    /** A comparison of {@code child} with parent {@code gen} (rate 0.4) on 20 tasks. */
    static Comparison comparison(String child, double childRate, Verdict verdict, double pBetter) {
        return new Comparison(child, "gen", child + "-run", "gen-run", "s1", 20, 3, 3, childRate, 0.4, childRate - 0.4, childRate - 0.5,
                childRate - 0.3, 0.95, 0, 0, 0, 20, 1 - pBetter, pBetter, 0.2, verdict, 0, 0.0, 0, List.of(),
                new Comparison.Judgement(Comparison.Method.PAIRED_T_TEST, 0.05, null, 0.18, null),
                new Comparison.Diagnostics(childRate - 0.5, childRate - 0.3, 1000, Comparisons.SEED, 1 - pBetter, pBetter));
    }

    static Promotion.Candidate candidate(String child, double childRate, Verdict verdict, double pBetter) {
        return candidate(child, childRate, verdict, pBetter, 0.01, 10);
    }

    static Promotion.Candidate candidate(String child, double childRate, Verdict verdict, double pBetter, Double cost, double seconds) {
        return new Promotion.Candidate(child, comparison(child, childRate, verdict, pBetter), pBetter, cost, seconds);
    }

    static Promotion.Decision decide(List<Promotion.Candidate> candidates) {
        return Promotion.decide("gen", candidates, ALPHA, false, child -> {
            throw new AssertionError("no expansion set: nothing to re-measure");
        });
    }

    @Test
    void theStrongestQualifyingChildIsPromotedWithHolmAdjustedEvidence() {
        Promotion.Decision decision = decide(List.of(candidate("steady", 0.45, Verdict.INCONCLUSIVE, 0.5),
                candidate("good", 0.7, Verdict.BETTER, 0.002), candidate("best", 0.9, Verdict.BETTER, 0.001)));

        assertThat(decision.promoted()).isEqualTo("best");
        assertThat(decision.generation()).isEqualTo("gen");
        assertThat(decision.reason()).startsWith("best beats gen: best outperforms gen: resolved 90.0 % vs 40.0 %");
        assertThat(decision.candidates()).extracting(Promotion.Candidate::child).containsExactly("best", "good", "steady");
        // Holm over three: 3 × 0.001, then max(0.003, 2 × 0.002), then max(0.004, 1 × 0.5)
        assertThat(decision.candidates()).extracting(Promotion.Candidate::adjustedP)
                .satisfiesExactly(p -> assertThat(p).isCloseTo(0.003, within(1e-12)), p -> assertThat(p).isCloseTo(0.004, within(1e-12)),
                        p -> assertThat(p).isCloseTo(0.5, within(1e-12)));
        assertThat(decision.expansion()).isNull();
    }

    @Test
    void noPromotionWhenNoChildBeatsTheParent() {
        Promotion.Decision decision = decide(List.of(candidate("same", 0.4, Verdict.INCONCLUSIVE, 0.6),
                candidate("worse", 0.1, Verdict.WORSE, 1.0)));

        assertThat(decision.promoted()).isNull();
        assertThat(decision.reason()).isEqualTo("the best child, same, does not beat gen: verdict INCONCLUSIVE, Holm-adjusted p = 1.0000"
                + " (needs BETTER and p < 0.05); gen stays");
        assertThat(decision.candidates()).hasSize(2);
    }

    @Test
    void noPromotionWithoutCandidates() {
        Promotion.Decision decision = decide(List.of());
        assertThat(decision.promoted()).isNull();
        assertThat(decision.reason()).isEqualTo("no child of gen has results to compare");
        assertThat(decision.candidates()).isEmpty();
    }

    @Test
    void aBetterVerdictWhosePValueDoesNotSurviveHolmIsNotPromoted() {
        // 0.02 alone would pass; among three children Holm makes it 0.06
        Promotion.Decision decision = decide(List.of(candidate("best", 0.8, Verdict.BETTER, 0.02),
                candidate("a", 0.5, Verdict.INCONCLUSIVE, 0.3), candidate("b", 0.4, Verdict.INCONCLUSIVE, 0.4)));
        assertThat(decision.promoted()).isNull();
        assertThat(decision.candidates().get(0).adjustedP()).isCloseTo(0.06, within(1e-12));
        assertThat(decision.reason()).contains("verdict BETTER, Holm-adjusted p = 0.0600");

        Promotion.Decision alone = decide(List.of(candidate("best", 0.8, Verdict.BETTER, 0.02)));
        assertThat(alone.promoted()).isEqualTo("best");
    }

    @Test
    void promotionUsesTheVerdictsBoundaryAnAdjustedPValueOfAlphaDoesNotPromote() {
        assertThat(decide(List.of(candidate("edge", 0.8, Verdict.BETTER, Math.nextDown(ALPHA)))).promoted()).isEqualTo("edge");
        assertThat(decide(List.of(candidate("edge", 0.8, Verdict.BETTER, ALPHA))).promoted()).isNull();
        // the verdict draws the line in the same place
        assertThat(Verdict.of(1, ALPHA, ALPHA)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(1, Math.nextDown(ALPHA), ALPHA)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(Math.nextDown(ALPHA), 1, ALPHA)).isEqualTo(Verdict.WORSE);
    }

    @Test
    void aSignificantPValueWithoutABetterVerdictIsNotPromoted() {
        // a p-value is not enough without the verdict it belongs to (BETTER)
        Promotion.Decision decision = decide(List.of(candidate("lucky", 0.6, Verdict.INCONCLUSIVE, 0.001)));
        assertThat(decision.promoted()).isNull();
        assertThat(decision.reason()).contains("verdict INCONCLUSIVE");
    }

    @Test
    void theStrongestChildIsTheCandidateEvenWhenAWeakerOneWouldQualify() {
        // promotion judges the best by score only; a weaker child that beats the parent does not take its place
        Promotion.Decision decision = decide(List.of(candidate("strong", 0.9, Verdict.INCONCLUSIVE, 0.2),
                candidate("weaker", 0.7, Verdict.BETTER, 0.001)));
        assertThat(decision.promoted()).isNull();
        assertThat(decision.reason()).startsWith("the best child, strong, does not beat gen");
    }

    @Test
    void equalRatesAreDecidedByLowerCostThenUnknownCostLastThenLowerTime() {
        Promotion.Decision byCost = decide(List.of(candidate("dear", 0.9, Verdict.BETTER, 0.001, 0.05, 1),
                candidate("cheap", 0.9, Verdict.BETTER, 0.001, 0.01, 99)));
        assertThat(byCost.promoted()).isEqualTo("cheap");

        Promotion.Decision unknownLast = decide(List.of(candidate("unpriced", 0.9, Verdict.BETTER, 0.001, null, 1),
                candidate("priced", 0.9, Verdict.BETTER, 0.001, 0.5, 99)));
        assertThat(unknownLast.promoted()).isEqualTo("priced");
        assertThat(unknownLast.candidates()).extracting(Promotion.Candidate::child).containsExactly("priced", "unpriced");

        Promotion.Decision byTime = decide(List.of(candidate("slow", 0.9, Verdict.BETTER, 0.001, 0.01, 30),
                candidate("fast", 0.9, Verdict.BETTER, 0.001, 0.01, 3)));
        assertThat(byTime.promoted()).isEqualTo("fast");
    }

    @Test
    void theExpansionSetIsAskedOfTheBestCandidateOnlyAndMustNotBeWorse() {
        List<Promotion.Candidate> candidates = List.of(candidate("best", 0.9, Verdict.BETTER, 0.001), candidate("next", 0.7, Verdict.BETTER, 0.002));
        List<String> asked = new ArrayList<>();

        Promotion.Decision holds = Promotion.decide("gen", candidates, ALPHA, true, child -> {
            asked.add(child);
            return comparison(child, 0.4, Verdict.INCONCLUSIVE, 0.5); // Δ exactly 0 on the expansion set
        });
        assertThat(asked).containsExactly("best");
        assertThat(holds.promoted()).isEqualTo("best");
        assertThat(holds.reason()).isEqualTo("best beats gen and holds up on the expansion set");
        assertThat(holds.expansion().delta()).isZero();

        Promotion.Decision slips = Promotion.decide("gen", candidates, ALPHA, true,
                child -> comparison(child, 0.39, Verdict.INCONCLUSIVE, 0.6)); // a little lower, not significantly
        assertThat(slips.promoted()).isNull();
        assertThat(slips.reason()).startsWith("best beat gen on the core tasks but not on the expansion set (best is not distinguishable from gen")
                .endsWith("; gen stays");
        assertThat(slips.expansion()).isNotNull();
    }

    @Test
    void theExpansionSetIsNotAskedOfACandidateThatDoesNotQualify() {
        Promotion.Decision decision = Promotion.decide("gen", List.of(candidate("same", 0.4, Verdict.INCONCLUSIVE, 0.5)), ALPHA, true,
                child -> {
                    throw new AssertionError("asked for the expansion set of " + child);
                });
        assertThat(decision.promoted()).isNull();
        assertThat(decision.expansion()).isNull();
    }
}
