package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import dev.agentic.testing.Trials;
import dev.agentic.trial.TrialResult;
import dev.agentic.stats.Sprt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trials needed to reach a verdict when a child is truly better by Δ, by two designs measured in one
 * run on the same simulated tasks (50 tasks, true parent rates uniform in [0.05, 0.95]):
 * <ul>
 *   <li>fixed K, unpaired: K trials per task for both variants, a one-sided two-proportion z-test at
 *       α = 0.05; K is the smallest giving power ≥ 0.8;</li>
 *   <li>adaptive, paired: one trial per task for both, then one more for both on each task still
 *       uncertain ({@link AdaptivePlan}), until the sequential tests on discordant pairs decide
 *       (α = 0.05, β = 0.2), at most 40 trials per task and variant.</li>
 * </ul>
 * Prints trials used (both variants), empirical power and false-positive rate (at Δ = 0) of each,
 * and the ratio adaptive / fixed. Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@adaptive-benchmark}.
 */
public final class AdaptiveTrialsBenchmark {

    static final int TASKS = 50;
    static final int REPLICATIONS = 300;

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(2026);
        double[] parent = new double[TASKS];
        for (int i = 0; i < TASKS; i++) {
            parent[i] = 0.05 + 0.9 * random.nextDouble();
        }
        System.out.printf(Locale.ROOT, "%d tasks, %d replications per design%n", TASKS, REPLICATIONS);
        aaGate(parent, random);
        for (double delta : new double[] {0.10, 0.15}) {
            double[] child = shifted(parent, delta);
            int k = 1;
            double power = 0;
            while (k <= 40 && (power = fixedPower(parent, child, k, random)) < 0.8) {
                k++;
            }
            double fixedFalsePositive = fixedPower(parent, parent, k, random);
            int fixedTrials = 2 * TASKS * k;
            double[] adaptive = adaptive(parent, child, random);
            double[] adaptiveNull = adaptive(parent, parent, random);
            System.out.printf(Locale.ROOT, "Δ = %2.0f pts  fixed unpaired: K = %d, %5d trials, power %.2f, false positives %.3f%n",
                    100 * delta, k, fixedTrials, power, fixedFalsePositive);
            System.out.printf(Locale.ROOT, "             adaptive paired: %8.0f trials on average, power %.2f, false positives %.3f"
                    + "   ratio adaptive/fixed %.2f%n", adaptive[0], adaptive[1], adaptiveNull[1], adaptive[0] / fixedTrials);
        }
    }

    /** The gate's false-failure rate on A/A comparisons: same true rates, K = 3, regression rule at 95 %. */
    static void aaGate(double[] rates, SplittableRandom random) {
        int failures = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            dev.agentic.lineage.Comparison c = dev.agentic.lineage.Comparisons.compare(results("child", rates, random),
                    results("parent", rates, random), 0.95, 0, 2000);
            failures += c.verdict() == dev.agentic.lineage.Verdict.WORSE ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "gate on A/A comparisons (%d tasks × 3 trials): %d false failures in %d = %.3f (α = 0.05)%n",
                TASKS, failures, REPLICATIONS, failures / (double) REPLICATIONS);
    }

    static RunResults results(String variant, double[] rates, SplittableRandom random) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            for (int k = 1; k <= 3; k++) {
                trials.add(trial(i, k, random.nextDouble() < rates[i]));
            }
        }
        RunInfo info = new RunInfo(1, variant, variant, null, "", Map.of(), "h", "sim", "sim", "sim", "same", TaskSet.CORE, rates.length, 3, 1,
                1.0, "sim", "sim", "sim", "sim", "s", "e", RunStatus.FINISHED);
        return new RunResults(java.nio.file.Path.of(variant), info, trials);
    }

    static double[] shifted(double[] rates, double delta) {
        double[] out = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            out[i] = Math.min(1, Math.max(0, rates[i] + delta));
        }
        return out;
    }

    /** Share of replications where the unpaired z-test finds the child better. */
    static double fixedPower(double[] parent, double[] child, int k, SplittableRandom random) {
        int detected = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            double a = successes(parent, k, random);
            double b = successes(child, k, random);
            double n = TASKS * (double) k;
            double pooled = (a + b) / (2 * n);
            double se = Math.sqrt(pooled * (1 - pooled) * 2 / n);
            detected += se > 0 && (b - a) / n / se > 1.6448536269514722 ? 1 : 0;
        }
        return detected / (double) REPLICATIONS;
    }

    static double successes(double[] rates, int k, SplittableRandom random) {
        double s = 0;
        for (double p : rates) {
            for (int j = 0; j < k; j++) {
                s += random.nextDouble() < p ? 1 : 0;
            }
        }
        return s;
    }

    /** Mean trials used and share of replications where the child was found better. */
    static double[] adaptive(double[] parent, double[] child, SplittableRandom random) {
        Sprt sprt = new Sprt(0.7, 0.05, 0.2);
        double trials = 0;
        int better = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            List<TrialResult> p = new ArrayList<>();
            List<TrialResult> c = new ArrayList<>();
            int[] count = new int[TASKS];
            for (int i = 0; i < TASKS; i++) {
                count[i] = 1;
                p.add(trial(i, 1, random.nextDouble() < parent[i]));
                p.add(trial(i, 2, random.nextDouble() < parent[i])); // the parent is one trial ahead: something to pair with
                c.add(trial(i, 1, random.nextDouble() < child[i]));
            }
            AdaptivePlan.Round round = AdaptivePlan.next(c, p, sprt);
            while (!round.settled()) {
                for (String task : round.uncertainTasks()) {
                    int i = Integer.parseInt(task.substring(5));
                    if (count[i] >= 40) {
                        continue;
                    }
                    count[i]++;
                    c.add(trial(i, count[i], random.nextDouble() < child[i]));
                    p.add(trial(i, count[i] + 1, random.nextDouble() < parent[i]));
                }
                AdaptivePlan.Round next = AdaptivePlan.next(c, p, sprt);
                if (next.wins() + next.losses() == round.wins() + round.losses() && next.uncertainTasks().equals(round.uncertainTasks())
                        && java.util.Arrays.stream(count).allMatch(n -> n >= 40)) {
                    break;
                }
                round = next;
            }
            trials += c.size() + p.size() - TASKS; // the parent's look-ahead trial is not counted
            better += round.better() == Sprt.Decision.ACCEPT_H1 ? 1 : 0;
        }
        return new double[] {trials / REPLICATIONS, better / (double) REPLICATIONS};
    }

    static TrialResult trial(int task, int index, boolean resolved) {
        return Trials.graded("task-" + task, index, resolved);
    }
}
