package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import dev.agentic.stats.Clustering;
import dev.agentic.stats.Interval;
import dev.agentic.stats.Proportions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Computes a run's {@link Summary} from its trial results. */
final class Summaries {

    private Summaries() {}

    static Summary of(RunInfo run, List<TrialResult> all) {
        List<TrialResult> graded = all.stream().filter(TrialResult::graded).toList();
        int resolved = (int) graded.stream().filter(TrialResult::resolved).count();
        Map<String, List<TrialResult>> byTask = graded.stream()
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.toList()));
        List<List<Integer>> outcomes = byTask.values().stream()
                .map(ts -> ts.stream().map(t -> t.resolved() ? 1 : 0).toList()).toList();
        double deff = Clustering.designEffect(outcomes);
        double rate = graded.isEmpty() ? 0 : (double) resolved / graded.size();
        Interval interval = Proportions.wilson(rate * graded.size() / deff, graded.size() / deff, Proportions.Z95);
        boolean costKnown = graded.stream().allMatch(TrialResult::costKnown);
        long input = graded.stream().mapToLong(t -> t.spend().inputTokens()).sum();
        return new Summary(Summary.SCHEMA, run.runId(), run.variant(), run.suite(), run.suiteHash(), run.tasks(), run.trials(),
                run.tasks() * run.trials(), all.size(), resolved, (int) all.stream().filter(TrialResult::infrastructureFailure).count(),
                (int) all.stream().filter(TrialResult::taskError).count(), rate, interval.low(), interval.high(), deff,
                perK(byTask, run.trials(), Proportions::passAtK), perK(byTask, run.trials(), Proportions::passHatK),
                groups(graded, t -> t.subject().category()), groups(graded, t -> t.subject().difficulty()),
                all.stream().collect(Collectors.groupingBy(t -> t.score().failureLabel().label(), TreeMap::new, Collectors.counting())),
                mean(graded, t -> t.spend().inputTokens()), mean(graded, t -> t.spend().outputTokens()),
                costKnown ? mean(graded, t -> t.spend().costUsd()) : null, costKnown ? sum(graded, t -> t.spend().costUsd()) : null,
                input == 0 ? 0 : (double) graded.stream().mapToLong(t -> t.spend().cachedInputTokens()).sum() / input,
                costKnown ? mean(graded, t -> t.spend().costWithoutCaching()) : null,
                costKnown ? sum(graded, t -> t.spend().costWithoutCaching()) : null,
                graded.stream().anyMatch(t -> Boolean.TRUE.equals(t.spend().cachedPriceUnknown())), mean(graded, t -> t.timing().agentMs() / 1000.0),
                mean(graded, t -> t.timing().testMs() / 1000.0), mean(all, t -> t.timing().totalMs() / 1000.0), Instant.now().toString());
    }

    /** A per-task estimator (pass@k or pass^k of n trials with c passes) averaged over the tasks with at least k trials, for k = 1..K when K > 1. */
    private static Map<Integer, Double> perK(Map<String, List<TrialResult>> byTask, int trials, PerTask estimator) {
        Map<Integer, Double> result = new TreeMap<>();
        if (trials < 2) {
            return result;
        }
        for (int k = 1; k <= trials; k++) {
            List<Double> perTask = new ArrayList<>();
            for (List<TrialResult> ts : byTask.values()) {
                int n = ts.size();
                int c = (int) ts.stream().filter(TrialResult::resolved).count();
                if (n >= k) {
                    perTask.add(estimator.of(n, c, k));
                }
            }
            if (!perTask.isEmpty()) {
                result.put(k, perTask.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
        }
        return result;
    }

    /** An estimate from a task's n trials with c passes, for k of them. */
    private interface PerTask {
        double of(int n, int c, int k);
    }

    private static Map<String, Summary.Group> groups(List<TrialResult> trials, Function<TrialResult, String> key) {
        Map<String, Summary.Group> groups = new TreeMap<>();
        trials.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList())).forEach((name, ts) -> {
            int ok = (int) ts.stream().filter(TrialResult::resolved).count();
            groups.put(name, new Summary.Group(ts.size(), ok, (double) ok / ts.size()));
        });
        return groups;
    }

    private static double sum(List<TrialResult> trials, ToDoubleFunction<TrialResult> value) {
        return trials.stream().mapToDouble(value).sum();
    }

    private static double mean(List<TrialResult> trials, ToDoubleFunction<TrialResult> value) {
        return trials.stream().mapToDouble(value).average().orElse(0);
    }
}
