package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunStatus;
import dev.agentic.bench.RunResults;
import dev.agentic.task.TaskSet;
import dev.agentic.testing.Trials;
import dev.agentic.trial.TrialResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Comparisons, the gate's rule and promotion on synthetic results with known truth. */
class ComparisonsTest {

    static RunResults results(String variant, String suiteHash, double[] truth, int trials, SplittableRandom random) {
        List<TrialResult> list = new ArrayList<>();
        for (int task = 0; task < truth.length; task++) {
            for (int k = 1; k <= trials; k++) {
                boolean ok = random.nextDouble() < truth[task];
                list.add(Trials.graded("task-" + task, k, ok));
            }
        }
        RunInfo info = new RunInfo(1, variant + "-run", variant, null, "", Map.of(), "h", "scripted:x", "suite", "suite.yaml", suiteHash,
                TaskSet.CORE, truth.length, trials, 1, 1.0, "dev", "unknown", "host", "17", "s", "e", RunStatus.FINISHED);
        return new RunResults(Path.of(variant), info, list);
    }

    static double[] rates(int n, double p) {
        double[] truth = new double[n];
        java.util.Arrays.fill(truth, p);
        return truth;
    }

    @Test
    void aClearRegressionIsWorseAndAnImprovementIsBetter() {
        SplittableRandom random = new SplittableRandom(3);
        RunResults parent = results("parent", "s1", rates(40, 0.8), 3, random);
        Comparison worse = Comparisons.compare(results("child", "s1", rates(40, 0.3), 3, random), parent, 0.95, 0, 2000);
        assertThat(worse.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(worse.delta()).isNegative();
        assertThat(ComparisonReport.headline(worse)).startsWith("child underperforms parent: resolved ")
                .contains(" over 40 tasks × 3 trials");
        Comparison better = Comparisons.compare(parent, results("child", "s1", rates(40, 0.3), 3, random), 0.95, 0, 2000);
        assertThat(better.verdict()).isEqualTo(Verdict.BETTER);
    }

    @Test
    void aMarginKeepsSmallDifferencesInconclusive() {
        SplittableRandom random = new SplittableRandom(5);
        RunResults parent = results("parent", "s1", rates(60, 0.9), 5, random);
        RunResults child = results("child", "s1", rates(60, 0.8), 5, random);
        assertThat(Comparisons.compare(child, parent, 0.95, 0.25, 2000).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void differentSuiteContentsAreRefused() {
        SplittableRandom random = new SplittableRandom(1);
        assertThatThrownBy(() -> Comparisons.compare(results("child", "aaa", rates(5, 0.5), 1, random),
                results("parent", "bbb", rates(5, 0.5), 1, random), 0.95, 0, 1000))
                .hasMessageContaining("different suite contents").hasMessageContaining("aaa").hasMessageContaining("bbb");
    }

    @Test
    void resultsGradedWithAndWithoutAContainerNetworkAreRefused() {
        SplittableRandom random = new SplittableRandom(2);
        RunResults offline = results("parent", "s1", rates(5, 0.5), 1, random);
        RunResults online = results("child", "s1", rates(5, 0.5), 1, random);
        RunInfo i = online.run();
        RunResults withNetwork = new RunResults(online.directory(), new RunInfo(i.schema(), i.runId(), i.variant(), i.parent(), i.hypothesis(),
                Map.of(RunInfo.CONTAINER_NETWORK, "bridge"), i.configHash(), i.model(), i.suite(), i.suiteManifest(), i.suiteHash(), i.taskSet(),
                i.tasks(), i.trials(), i.concurrency(), i.timeoutMultiplier(), i.harnessVersion(), i.gitCommit(), i.host(), i.java(), i.startedAt(),
                i.endedAt(), i.status()), online.trials());
        assertThatThrownBy(() -> Comparisons.compare(withNetwork, offline, 0.95, 0, 1000))
                .hasMessageContaining("their task containers had different networks (bridge in ").hasMessageContaining("none in ");
        assertThat(Comparisons.compare(online, offline, 0.95, 0, 1000)).isNotNull();
    }

    @Test
    void aaComparisonsFailTheGateAtTheStatedAlpha() {
        // A/A: child and parent have the same true per-task rates, drawn from Beta(1,1) for 50 tasks × 3 trials; any WORSE
        // verdict is a false failure. The rule states a one-sided α = 0.05: over 2,000 replications the rate must lie within
        // ±1.5 points of it (about 3 standard errors), which a two-sided 95 % rule (2.5 %), a rule that also asks the sign
        // test (about 2 %) or a gate that fails on any drop would not.
        SplittableRandom random = new SplittableRandom(2026);
        int simulations = 2000;
        int falseFailures = 0;
        for (int s = 0; s < simulations; s++) {
            double[] truth = new double[50];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = random.nextDouble();
            }
            Comparison c = Comparisons.compare(results("child", "s", truth, 3, random), results("parent", "s", truth, 3, random),
                    0.95, 0, 100);
            falseFailures += c.verdict() == Verdict.WORSE ? 1 : 0;
        }
        assertThat(falseFailures / (double) simulations).isBetween(0.035, 0.065);
    }

    @Test
    void theGateHasThePowerItsMinimumDetectableEffectClaims() {
        // 50 tasks × 3 trials, true parent rates spread over [0.3, 0.9], the child worse by δ on every task. The minimum
        // detectable effect for these true variances (ω² = 0, σ² the mean p(1 − p) of each) is the δ the gate should catch
        // 80 % of the time; a wrong tail, a missing margin or a z for a t would move it by more than the 4 points allowed.
        SplittableRandom random = new SplittableRandom(7);
        double[] parent = new double[50];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = 0.3 + 0.6 * random.nextDouble();
        }
        for (double margin : new double[] {0, 0.05}) {
            double delta = 0.1;
            for (int iteration = 0; iteration < 30; iteration++) { // σ² of the child depends on δ: a fixed point
                delta = dev.agentic.stats.Power.minimumDetectableEffect(50, 3, 0.05, 0.8, margin, 0, variance(parent, 0), variance(parent, delta));
            }
            double[] child = new double[parent.length];
            for (int i = 0; i < parent.length; i++) {
                child[i] = parent[i] - delta;
            }
            int simulations = 2000;
            int caught = 0;
            for (int s = 0; s < simulations; s++) {
                Comparison c = Comparisons.compare(results("child", "s", child, 3, random), results("parent", "s", parent, 3, random),
                        0.95, margin, 100);
                caught += c.verdict() == Verdict.WORSE ? 1 : 0;
            }
            assertThat(caught / (double) simulations).as("power at the MDE %.3f with margin %.2f", delta, margin).isBetween(0.76, 0.84);
        }
    }

    /** The mean over tasks of p(1 − p) for rates p − shift. */
    private static double variance(double[] rates, double shift) {
        return java.util.Arrays.stream(rates).map(p -> (p - shift) * (1 - p + shift)).average().orElseThrow();
    }

    @Test
    void identicalOutcomesAreNotEstimableRatherThanAZeroWidthInterval() {
        SplittableRandom random = new SplittableRandom(4);
        Comparison c = Comparisons.compare(results("child", "s", rates(25, 1.0), 3, random), results("parent", "s", rates(25, 1.0), 3, random),
                0.95, 0, 1000);
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.judgement().notEstimable()).isEqualTo("no task differs");
        assertThat(c.deltaLow()).isNaN();
        assertThat(c.pWorse()).isEqualTo(1.0);
        assertThat(ComparisonReport.headline(c)).isEqualTo("child is not distinguishable from parent: resolved 100.0 % vs 100.0 %, Δ +0.0 pts"
                + " (not estimable: no task differs), one-sided p = 1.0000 over 25 tasks × 3 trials");
        assertThat(ComparisonReport.table(c)).contains("  Δ +0.0 pts, not estimable: no task differs (paired t-test over 25 tasks)\n")
                .contains("paired bootstrap not estimable: no task differs").doesNotContain("+0.0 to +0.0");
        assertThat(ComparisonReport.detectable(c)).isEqualTo("detectable with power 0.8: 19.9 pts by design, not estimable at the observed spread");
    }

    @Test
    void theReportShowsTheRuleTheBoundsAndTheDiagnosticsWithTheirSeed() {
        SplittableRandom random = new SplittableRandom(3);
        Comparison c = Comparisons.compare(results("child", "s1", rates(40, 0.3), 3, random), results("parent", "s1", rates(40, 0.8), 3, random),
                0.95, 0, 2000);
        assertThat(c.judgement().method()).isEqualTo(Comparison.Method.PAIRED_T_TEST);
        assertThat(c.diagnostics().bootstrapSeed()).isEqualTo(Comparisons.SEED);
        assertThat(c.diagnostics().resamples()).isEqualTo(2000);
        // the interval is the t-test's: Δ ± t_{0.95, 39}·SE, so its upper end is below 0 exactly when p(worse) < 0.05
        assertThat(c.deltaHigh() - c.delta()).isCloseTo(1.684875 * c.judgement().standardError(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(ComparisonReport.headline(c)).contains("(90 % CI ").contains("), one-sided p < 0.0001 over 40 tasks × 3 trials");
        assertThat(ComparisonReport.table(c)).contains("each end a one-sided 95 % bound")
                .contains("one-sided p-values: worse by more than the margin < 0.0001, better 1.0000; α = 0.05 each")
                .contains("  detectable with power 0.8: ").contains(" by design, ").contains(" at the observed spread (40 tasks × 3 trials")
                .contains("diagnostics: paired bootstrap 90 % CI ").contains("(2,000 resamples over tasks, seed 20261127); sign test, tasks child better ");
    }

    @Test
    void anAdaptiveRunIsJudgedByItsSequentialTest() {
        // the child lost 8 trial pairs in a row after its first trials tied: the fixed-sample t-test alone would not know how the
        // trials were chosen; the sequential test's p-value for worse is below 0.05 and decides
        SplittableRandom random = new SplittableRandom(1);
        List<TrialResult> parentTrials = new ArrayList<>();
        List<TrialResult> childTrials = new ArrayList<>();
        for (int task = 0; task < 10; task++) {
            for (int k = 1; k <= 3; k++) {
                parentTrials.add(Trials.graded("task-" + task, k, true));
            }
            childTrials.add(Trials.graded("task-" + task, 1, task >= 8));
        }
        RunResults parent = new RunResults(Path.of("parent"), results("parent", "s", rates(10, 1), 3, random).run(), parentTrials);
        RunInfo i = results("child", "s", rates(10, 1), 1, random).run();
        RunInfo adaptive = new RunInfo(i.schema(), i.runId(), i.variant(), i.parent(), i.hypothesis(), i.config(), i.configHash(), i.model(),
                i.suite(), i.suiteManifest(), i.suiteHash(), i.taskSet(), i.tasks(), i.trials(), i.concurrency(), i.timeoutMultiplier(),
                i.harnessVersion(), i.gitCommit(), i.host(), i.java(), i.startedAt(), i.endedAt(), i.status(), null, null, null, null, null, null,
                new RunInfo.Adaptive("parent-run", 0.05, 0.2, 0, 0.1, 50, 0, "the sequential test is settled: worse"));
        Comparison c = Comparisons.compare(new RunResults(Path.of("child"), adaptive, childTrials), parent, 0.95, 0, 1000);
        assertThat(c.judgement().method()).isEqualTo(Comparison.Method.SEQUENTIAL);
        assertThat(c.judgement().sequential().pairs()).isEqualTo(10);
        assertThat(c.pWorse()).isEqualTo(dev.agentic.stats.SequentialTest.pWorse(new double[] {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0}, 0));
        assertThat(c.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(ComparisonReport.headline(c)).contains("(sequential test over 10 trial pairs of an adaptive run)");
        assertThat(ComparisonReport.table(c)).contains("adaptive run: the verdict is the sequential test's over 10 trial pairs (paired with parent run parent-run)");
    }

    @Test
    void promotionPicksTheBestChildThatBeatsTheParentAndOtherwiseSaysWhy() {
        SplittableRandom random = new SplittableRandom(9);
        RunResults parent = results("exp", "s", rates(40, 0.4), 3, random);
        List<Promotion.Candidate> candidates = new ArrayList<>();
        for (var entry : Map.of("same", 0.4, "better", 0.9, "worse", 0.1).entrySet()) {
            Comparison c = Comparisons.compare(results(entry.getKey(), "s", rates(40, entry.getValue()), 3, random), parent, 0.95, 0, 2000);
            candidates.add(new Promotion.Candidate(entry.getKey(), c, c.pBetter(), 0.001, 2));
        }
        Promotion.Decision decision = Promotion.decide("exp", candidates, 0.05, false, child -> null);
        assertThat(decision.promoted()).isEqualTo("better");
        assertThat(decision.candidates().get(0).child()).isEqualTo("better");
        assertThat(decision.candidates().get(0).adjustedP()).isGreaterThanOrEqualTo(decision.candidates().get(0).comparison().pBetter());

        List<Promotion.Candidate> weak = candidates.stream().filter(c -> !c.child().equals("better")).toList();
        Promotion.Decision none = Promotion.decide("exp", weak, 0.05, false, child -> null);
        assertThat(none.promoted()).isNull();
        assertThat(none.reason()).contains("does not beat exp").contains("exp stays");

        Comparison expansionWorse = Comparisons.compare(results("better", "s", rates(20, 0.1), 3, random),
                results("exp", "s", rates(20, 0.6), 3, random), 0.95, 0, 2000);
        Promotion.Decision heldBack = Promotion.decide("exp", candidates, 0.05, true, child -> expansionWorse);
        assertThat(heldBack.promoted()).isNull();
        assertThat(heldBack.reason()).contains("not on the expansion set");
    }
}
