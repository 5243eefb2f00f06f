package dev.agentic.lineage;

import static dev.agentic.lineage.ComparisonsTest.rates;
import static dev.agentic.lineage.ComparisonsTest.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.bench.RunResults;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The gate's rules, their spelling, and the settings of a comparison, each refused with what is expected. */
class GateDecisionTest {

    @Test
    void eachRuleFailsOnItsVerdicts() {
        assertThat(GateRule.REGRESSION.fails(Verdict.WORSE)).isTrue();
        assertThat(GateRule.REGRESSION.fails(Verdict.INCONCLUSIVE)).isFalse();
        assertThat(GateRule.REGRESSION.fails(Verdict.BETTER)).isFalse();
        assertThat(GateRule.NO_IMPROVEMENT.fails(Verdict.WORSE)).isTrue();
        assertThat(GateRule.NO_IMPROVEMENT.fails(Verdict.INCONCLUSIVE)).isTrue();
        assertThat(GateRule.NO_IMPROVEMENT.fails(Verdict.BETTER)).isFalse();
    }

    @Test
    void rulesAreWrittenAsTheDocumentationWritesThem() {
        assertThat(GateRule.parse("regression")).isEqualTo(GateRule.REGRESSION);
        assertThat(GateRule.parse(" No-Improvement ")).isEqualTo(GateRule.NO_IMPROVEMENT);
        assertThat(GateRule.NO_IMPROVEMENT).hasToString("no-improvement");
        for (String bad : new String[] {"NO_IMPROVEMENT", "worse", "", null}) {
            assertThatThrownBy(() -> GateRule.parse(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected regression (fails when the child is WORSE) or no-improvement (fails unless the child is BETTER), got '"
                            + (bad == null ? "" : bad) + "'");
        }
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedNamingTheSettingAndTheRange() {
        assertThat(ComparisonSettings.DEFAULT.alpha()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThatThrownBy(() -> new ComparisonSettings(0.5, 0, 100)).hasMessage("confidence: expected a number between 0.5 and 1, e.g. 0.95, got 0.5");
        assertThatThrownBy(() -> new ComparisonSettings(1, 0, 100)).hasMessage("confidence: expected a number between 0.5 and 1, e.g. 0.95, got 1");
        assertThatThrownBy(() -> new ComparisonSettings(Double.NaN, 0, 100)).hasMessageStartingWith("confidence: expected");
        assertThatThrownBy(() -> new ComparisonSettings(0.95, -0.01, 100)).hasMessage("margin: expected a share of the resolved rate from 0 to 1,"
                + " e.g. 0.05 for 5 points, got -0.01");
        assertThatThrownBy(() -> new ComparisonSettings(0.95, 1, 100)).hasMessageStartingWith("margin: expected");
        assertThatThrownBy(() -> new ComparisonSettings(0.95, 0, 0)).hasMessage("resamples: expected 1 or more, e.g. 10000, got 0");
        assertThat(new ComparisonSettings(0.51, 0.99, 1).resamples()).isEqualTo(1);
    }

    @Test
    void theGateFailsARegressionAndSaysWhichRuleAndMarginDecided() {
        SplittableRandom random = new SplittableRandom(3);
        RunResults parent = results("parent", "s1", rates(40, 0.8), 3, random);
        RunResults worse = results("child", "s1", rates(40, 0.3), 3, random);
        RunResults same = results("child", "s1", rates(40, 0.8), 3, random);
        ComparisonSettings settings = new ComparisonSettings(0.95, 0.05, 2000);

        GateDecision regressed = GateDecision.judge(worse, parent, GateRule.REGRESSION, settings);
        assertThat(regressed.fails()).isTrue();
        assertThat(regressed.stageShortfall()).isNull();
        // 40 tasks × 3 trials, margin 5 points: by design 5.0 + (1.684875 + 0.850935)·√(0.15/40) = 20.5 points
        assertThat(regressed.reason("failOn")).startsWith("child underperforms parent: resolved ")
                .contains(" over 40 tasks × 3 trials; rule failOn=regression, margin 5.0 pts; detectable with power 0.8: 20.5 pts by design, ")
                .endsWith(" pts at the observed spread");

        GateDecision steady = GateDecision.judge(same, parent, GateRule.REGRESSION, settings);
        assertThat(steady.fails()).isFalse();
        assertThat(steady.reason("failOn")).startsWith(steady.evidence().headline() + "; detectable with power 0.8: 20.5 pts by design")
                .doesNotContain("rule");
        assertThat(GateDecision.judge(same, parent, GateRule.NO_IMPROVEMENT, settings).reason("--fail-on"))
                .contains("; rule --fail-on=no-improvement, margin 5.0 pts; detectable with power 0.8: ");
    }
}
