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
    void aaComparisonsFailTheGateNoMoreOftenThanAlpha() {
        // A/A: child and parent have the same true per-task rates; any WORSE verdict is a false failure.
        SplittableRandom random = new SplittableRandom(2026);
        int simulations = 300;
        int falseFailures = 0;
        for (int s = 0; s < simulations; s++) {
            double[] truth = new double[50];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = random.nextDouble();
            }
            Comparison c = Comparisons.compare(results("child", "s", truth, 3, random), results("parent", "s", truth, 3, random),
                    0.95, 0, 1000);
            falseFailures += c.verdict() == Verdict.WORSE ? 1 : 0;
        }
        assertThat(falseFailures / (double) simulations).isLessThanOrEqualTo(0.05);
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
