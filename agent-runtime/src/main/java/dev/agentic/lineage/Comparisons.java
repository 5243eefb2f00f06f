package dev.agentic.lineage;

import dev.agentic.bench.AdaptivePlan;
import dev.agentic.bench.RunResults;
import dev.agentic.stats.Interval;
import dev.agentic.stats.PairedBootstrap;
import dev.agentic.stats.PairedTTest;
import dev.agentic.stats.Power;
import dev.agentic.stats.SequentialTest;
import dev.agentic.stats.SignTest;
import dev.agentic.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares a child with its parent, paired by task: per-task resolved rates x_i, differences
 * d_i = x_child,i − x_parent,i over tasks both ran (infrastructure failures left out), Δ = mean d_i. The verdict
 * ({@link Verdict#of}) comes from one test: the one-sided paired t-test on the d_i with the task-clustered standard
 * error, at α = 1 − confidence for "worse by more than the margin" and the same for "better", with Δ's interval from
 * the same standard error; for an adaptive run (its trials added where the comparison was uncertain, and stopped on
 * the data) from the run's anytime-valid sequential test instead. Beside it: the minimum detectable effect by design
 * and at the observed spread, and, as diagnostics that do not decide, a task-resampling bootstrap interval (seeded with
 * {@link #SEED}, recorded) and the exact sign test on tasks that differ.
 */
public final class Comparisons {

    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long SEED = 20261127L;

    private Comparisons() {}

    public static Comparison compare(RunResults child, RunResults parent, double confidence, double margin, int resamples) {
        if (!child.run().suiteHash().equals(parent.run().suiteHash())) {
            throw new Incomparable(Incomparable.Reason.SUITE_CONTENTS, "cannot compare " + child.run().variant() + " with "
                    + parent.run().variant() + ": their results come from different suite contents (" + child.run().suite() + " hash " + child.run().suiteHash()
                    + " in " + child.directory() + ", " + parent.run().suite() + " hash " + parent.run().suiteHash() + " in "
                    + parent.directory() + "); rerun the bench of one of them on the same suite");
        }
        if (!child.run().containerNetwork().equals(parent.run().containerNetwork())) {
            throw new Incomparable(Incomparable.Reason.CONTAINER_NETWORK, "cannot compare " + child.run().variant() + " with "
                    + parent.run().variant() + ": their task containers had different networks (" + child.run().containerNetwork() + " in " + child.directory() + ", "
                    + parent.run().containerNetwork() + " in " + parent.directory() + "), and tests that download what they need grade"
                    + " differently without one; rerun the bench of one of them on the other's container network (agentx bench --network <network>)");
        }
        if (!child.run().sandbox().equals(parent.run().sandbox())) {
            throw new Incomparable(Incomparable.Reason.SANDBOX, "cannot compare " + child.run().variant() + " with "
                    + parent.run().variant() + ": one ran in isolated containers and the other did not (" + child.run().sandbox() + " in "
                    + child.directory() + ", " + parent.run().sandbox() + " in " + parent.directory() + "); rerun the bench of one of"
                    + " them at the other's place");
        }
        if (child.run().schema() != parent.run().schema()) {
            throw new Incomparable(Incomparable.Reason.SCHEMA, "cannot compare results of schema " + child.run().schema() + " (" + child.directory()
                    + ") with schema " + parent.run().schema() + " (" + parent.directory() + ")");
        }
        Map<String, List<TrialResult>> c = graded(child.trials());
        Map<String, List<TrialResult>> p = graded(parent.trials());
        List<Comparison.TaskRow> rows = new ArrayList<>();
        for (String task : c.keySet()) {
            if (p.containsKey(task)) {
                rows.add(new Comparison.TaskRow(task, rate(p.get(task)), rate(c.get(task)), p.get(task).size(), c.get(task).size()));
            }
        }
        if (rows.isEmpty()) {
            throw new Incomparable(Incomparable.Reason.NO_COMMON_TASKS, "cannot compare " + child.run().variant() + " with "
                    + parent.run().variant() + ": no task has graded trials in both (" + child.directory() + ", " + parent.directory() + ")");
        }
        double[] d = rows.stream().mapToDouble(Comparison.TaskRow::difference).toArray();
        double alpha = 1 - confidence;
        PairedTTest test = PairedTTest.of(d);
        Interval interval = test.interval(alpha);
        double pWorse = test.pBelow(-margin);
        double pBetter = test.pAbove(margin);
        Comparison.Method method = Comparison.Method.PAIRED_T_TEST;
        Comparison.Sequential sequential = null;
        if (child.run().adaptive() != null) {
            double[] pairs = AdaptivePlan.differences(child.trials(), parent.trials());
            method = Comparison.Method.SEQUENTIAL;
            pWorse = SequentialTest.pWorse(pairs, margin);
            pBetter = SequentialTest.pBetter(pairs, margin);
            sequential = new Comparison.Sequential(pairs.length, pWorse, pBetter, child.run().adaptive().parentRun());
        }
        int wins = (int) rows.stream().filter(r -> r.difference() > 0).count();
        int losses = (int) rows.stream().filter(r -> r.difference() < 0).count();
        double childK = rows.stream().mapToInt(Comparison.TaskRow::childTrials).average().orElse(1);
        double parentK = rows.stream().mapToInt(Comparison.TaskRow::parentTrials).average().orElse(1);
        double planned = Power.minimumDetectableEffect(rows.size(), Math.min(childK, parentK), alpha, Power.POWER, margin);
        double observed = Power.forSpread(rows.size(), test.standardDeviation(), alpha, Power.POWER, margin);
        Interval bootstrap = PairedBootstrap.meanInterval(d, resamples, 1 - 2 * alpha, SEED);
        Comparison.Judgement judgement = new Comparison.Judgement(method, test.standardError(), test.notEstimable(), observed, sequential);
        Comparison.Diagnostics diagnostics = new Comparison.Diagnostics(bootstrap.low(), bootstrap.high(), resamples, SEED,
                SignTest.childWorse(wins, losses), SignTest.childBetter(wins, losses));
        return new Comparison(child.run().variant(), parent.run().variant(), child.run().runId(), parent.run().runId(),
                child.run().suiteHash(), rows.size(), childK, parentK, mean(rows.stream().mapToDouble(Comparison.TaskRow::childRate).toArray()),
                mean(rows.stream().mapToDouble(Comparison.TaskRow::parentRate).toArray()), test.mean(),
                interval == null ? Double.NaN : interval.low(), interval == null ? Double.NaN : interval.high(),
                confidence, margin, wins, losses, rows.size() - wins - losses, pWorse, pBetter, planned, Verdict.of(pWorse, pBetter, alpha),
                child.mean(t -> t.spend().tokens()) - parent.mean(t -> t.spend().tokens()),
                child.meanCostUsd() == null || parent.meanCostUsd() == null ? null : child.meanCostUsd() - parent.meanCostUsd(),
                child.mean(t -> t.timing().totalMs() / 1000.0) - parent.mean(t -> t.timing().totalMs() / 1000.0), rows, judgement, diagnostics);
    }

    /**
     * The child's shortfall in a staged evaluation: when it stopped at a stage (its pass rate there below the
     * stage's threshold) that the parent cleared, the child underperforms whatever the tasks both ran say,
     * and this names the stage; null otherwise.
     */
    public static String stageShortfall(dev.agentic.bench.RunInfo child, dev.agentic.bench.RunInfo parent) {
        if (child.stoppedAt() == null) {
            return null;
        }
        dev.agentic.bench.RunInfo.StageRecord ours = child.stage(child.stoppedAt());
        dev.agentic.bench.RunInfo.StageRecord theirs = parent.stage(child.stoppedAt());
        if (ours == null || theirs == null || theirs.outcome() != dev.agentic.bench.StageOutcome.CLEARED) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%s underperforms %s: it stopped at stage %s (%d of %d trials passed, %s, below the"
                        + " stage's threshold %s), which %s cleared (%d of %d, %s)", child.variant(), parent.variant(), ours.name(),
                ours.passed(), ours.graded(), percent(ours.passRate()), percent(ours.minPassRate()), parent.variant(), theirs.passed(),
                theirs.graded(), percent(theirs.passRate()));
    }

    private static String percent(Double share) {
        if (share == null) {
            return "n/a";
        }
        double p = 100 * share;
        return Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(java.util.Locale.ROOT, "%.0f%%", p)
                : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    /**
     * Results that cannot be compared, and why; the message says what to rerun in the runtime's words, and a
     * command line or a build can add the name of its own option from the reason.
     */
    public static final class Incomparable extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** What keeps the two results apart. */
        public enum Reason {
            /** The suites' contents differ (suite hash). */
            SUITE_CONTENTS,
            /** The task containers ran on different networks. */
            CONTAINER_NETWORK,
            /** One ran at a place that is not isolated ({@code local}), the other did not. */
            SANDBOX,
            /** The result files have different schemas. */
            SCHEMA,
            /** No task has graded trials in both. */
            NO_COMMON_TASKS
        }

        private final Reason reason;

        public Incomparable(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static Map<String, List<TrialResult>> graded(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::graded)
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.toList()));
    }

    private static double rate(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::resolved).count() / (double) trials.size();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
