package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import dev.agentic.lineage.Comparison;
import dev.agentic.lineage.Comparisons;
import dev.agentic.lineage.Verdict;
import dev.agentic.stats.SequentialTest;
import dev.agentic.testing.Trials;
import dev.agentic.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trials needed to catch a child that is truly worse by Δ, by two designs of our own gate measured in one run on the
 * same simulated tasks (50 tasks, true parent rates uniform in [0.05, 0.95], the child's Δ lower, clamped to [0, 1]),
 * both at one-sided α = 0.05 and designed for power 0.8 at Δ:
 * <ul>
 *   <li>fixed K, paired: K trials per task for both variants, the gate's verdict ({@link Comparisons}: the paired t-test
 *       on per-task differences); K is the smallest whose measured power is at least 0.8;</li>
 *   <li>adaptive, paired: one trial per task for the child against a parent with {@value #CAP} per task, then one more
 *       on each task still uncertain ({@link AdaptivePlan}), until the sequential test ({@link SequentialTest}, α = 0.05,
 *       β = 0.2, effect Δ) settles; the gate's verdict on the run, which for an adaptive run is the sequential test's.</li>
 * </ul>
 * Prints, per Δ and design: trials used (both variants' paired trials), the false-failure rate on A/A comparisons (true
 * Δ = 0) and the power at Δ, and the ratio of trials adaptive / fixed. Run with
 * {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@adaptive-benchmark}.
 */
public final class AdaptiveTrialsBenchmark {

    static final int TASKS = 50;
    static final int REPLICATIONS = 500;
    static final int AA_REPLICATIONS = 2000;
    static final int FIXED_AA_REPLICATIONS = 10_000; // cheap, and a rate near 5 % needs them to be read to ±0.5 points
    static final int CAP = 40;
    static final double ALPHA = 0.05;
    static final int RESAMPLES = 200; // the bootstrap is a diagnostic: it does not decide

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(2026);
        double[] parent = new double[TASKS];
        for (int i = 0; i < TASKS; i++) {
            parent[i] = 0.05 + 0.9 * random.nextDouble();
        }
        gate(random);
        System.out.printf(Locale.ROOT, "%n%d tasks, true parent rates uniform in [0.05, 0.95], child worse by Δ; one-sided α = %.2f,"
                + " power target 0.8; %d replications at Δ, %d on A/A (fixed: %d)%n", TASKS, ALPHA, REPLICATIONS, AA_REPLICATIONS,
                FIXED_AA_REPLICATIONS);
        System.out.printf(Locale.ROOT, "%-8s %-34s %12s %12s %16s %8s%n", "Δ", "design", "trials at Δ", "trials A/A", "A/A false fail", "power");
        for (double delta : new double[] {0.10, 0.15}) {
            double[] child = shifted(parent, -delta);
            int k = 1;
            while (k < CAP && fixed(child, parent, k, REPLICATIONS, random)[0] < 0.8) {
                k++;
            }
            double power = fixed(child, parent, k, REPLICATIONS, random)[0];
            double falseFailures = fixed(parent, parent, k, FIXED_AA_REPLICATIONS, random)[0];
            int fixedTrials = 2 * TASKS * k;
            SequentialTest design = new SequentialTest(ALPHA, 0.2, 0, delta);
            double[] adaptive = adaptive(child, parent, design, REPLICATIONS, random);
            double[] aa = adaptive(parent, parent, design, AA_REPLICATIONS, random);
            System.out.printf(Locale.ROOT, "%-8s %-34s %12d %12d %16.3f %8.2f%n", String.format(Locale.ROOT, "%.0f pts", 100 * delta),
                    "fixed K = " + k + ", paired t-test", fixedTrials, fixedTrials, falseFailures, power);
            System.out.printf(Locale.ROOT, "%-8s %-34s %12.0f %12.0f %16.3f %8.2f   trials adaptive/fixed %.2f at Δ, %.2f at A/A%n", "",
                    "adaptive, sequential (effect Δ)", adaptive[0], aa[0], aa[1], adaptive[1], adaptive[0] / fixedTrials, aa[0] / fixedTrials);
        }
    }

    /**
     * The fixed-K gate on its own, 50 tasks × 3 trials with task rates drawn from Beta(1, 1) afresh in each of 2,000
     * replications: the false-failure rate on A/A comparisons, and the power at Δ = 10 and 15 points against the
     * minimum detectable effect it prints.
     */
    static void gate(SplittableRandom random) {
        int replications = 2000;
        StringBuilder line = new StringBuilder();
        for (double delta : new double[] {0, 0.10, 0.15}) {
            int worse = 0;
            for (int r = 0; r < replications; r++) {
                double[] parent = new double[TASKS];
                for (int i = 0; i < TASKS; i++) {
                    parent[i] = random.nextDouble();
                }
                Comparison c = Comparisons.compare(results("child", shifted(parent, -delta), 3, random),
                        results("parent", parent, 3, random), 1 - ALPHA, 0, RESAMPLES);
                worse += c.verdict() == Verdict.WORSE ? 1 : 0;
            }
            line.append(String.format(Locale.ROOT, delta == 0 ? "A/A false failures %.3f" : ", power at Δ = %.0f pts %.2f",
                    delta == 0 ? worse / (double) replications : 100 * delta, worse / (double) replications));
        }
        System.out.printf(Locale.ROOT, "gate, %d tasks × 3 trials, task rates from Beta(1,1), %d replications, one-sided α = %.2f: %s;"
                        + " minimum detectable effect by design %.1f pts%n", TASKS, replications, ALPHA, line,
                100 * dev.agentic.stats.Power.minimumDetectableEffect(TASKS, 3, ALPHA, 0.8, 0));
    }

    /** Share of replications the gate fails (verdict WORSE), K trials per task for both; {share, trials}. */
    static double[] fixed(double[] child, double[] parent, int k, int replications, SplittableRandom random) {
        int worse = 0;
        for (int r = 0; r < replications; r++) {
            Comparison c = Comparisons.compare(results("child", child, k, random), results("parent", parent, k, random),
                    1 - ALPHA, 0, RESAMPLES);
            worse += c.verdict() == Verdict.WORSE ? 1 : 0;
        }
        return new double[] {worse / (double) replications, 2.0 * TASKS * k};
    }

    /** Mean trials used (the child's and the parent's trials paired with them) and share of replications the gate fails. */
    static double[] adaptive(double[] child, double[] parent, SequentialTest design, int replications, SplittableRandom random) {
        double trials = 0;
        int worse = 0;
        for (int r = 0; r < replications; r++) {
            RunResults p = results("parent", parent, CAP, random);
            List<TrialResult> c = new ArrayList<>();
            int[] count = new int[TASKS];
            for (int i = 0; i < TASKS; i++) {
                count[i] = 1;
                c.add(trial(i, 1, random.nextDouble() < child[i]));
            }
            AdaptivePlan.Round round = AdaptivePlan.next(c, p.trials(), design);
            while (!round.settled()) {
                for (String task : round.uncertainTasks()) {
                    int i = Integer.parseInt(task.substring(5));
                    count[i]++;
                    c.add(trial(i, count[i], random.nextDouble() < child[i]));
                }
                round = AdaptivePlan.next(c, p.trials(), design);
            }
            RunInfo.Adaptive record = new RunInfo.Adaptive(p.run().runId(), design.alpha(), design.beta(), design.margin(), design.effect(),
                    TASKS * CAP, c.size() - TASKS, round.evidence().decision());
            Comparison verdict = Comparisons.compare(new RunResults(java.nio.file.Path.of("child"), info("child", 1).withAdaptive(record), c),
                    p, 1 - ALPHA, 0, RESAMPLES);
            trials += 2 * c.size();
            worse += verdict.verdict() == Verdict.WORSE ? 1 : 0;
        }
        return new double[] {trials / replications, worse / (double) replications};
    }

    static RunResults results(String variant, double[] rates, int k, SplittableRandom random) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            for (int j = 1; j <= k; j++) {
                trials.add(trial(i, j, random.nextDouble() < rates[i]));
            }
        }
        return new RunResults(java.nio.file.Path.of(variant), info(variant, k), trials);
    }

    static RunInfo info(String variant, int k) {
        return new RunInfo(1, variant, variant, null, "", Map.of(), "h", "sim", "sim", "sim", "same", TaskSet.CORE, TASKS, k, 1, 1.0, "sim",
                "sim", "sim", "sim", "s", "e", RunStatus.FINISHED);
    }

    static double[] shifted(double[] rates, double delta) {
        double[] out = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            out[i] = Math.min(1, Math.max(0, rates[i] + delta));
        }
        return out;
    }

    static TrialResult trial(int task, int index, boolean resolved) {
        return Trials.graded("task-" + task, index, resolved);
    }
}
