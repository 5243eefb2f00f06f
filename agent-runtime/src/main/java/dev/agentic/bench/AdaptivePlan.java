package dev.agentic.bench;

import dev.agentic.stats.SequentialTest;
import dev.agentic.trial.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where another trial is worth spending when a child is measured against its parent, and when to stop. Trials are
 * paired by task and position (the child's j-th graded trial of a task with the parent's j-th); each pair gives a
 * difference x = child − parent in {−1, 0, 1}, and the pairs, in the order the child's trials ran (trial number,
 * then task), feed the anytime-valid {@link SequentialTest}. A task is uncertain, and gets another trial, while one
 * of its pairs is discordant (exactly one of them resolved it) or the parent's paired outcomes on it are mixed, and
 * the parent has a trial left to pair with. Which tasks get trials depends only on pairs already made, never on the
 * outcome of the pair to come, so the sequential test keeps its error rates; the run stops when the test is settled,
 * no task is uncertain, or the budget is spent.
 */
public final class AdaptivePlan {

    /** The state of the evidence after a round. */
    public record Round(List<String> uncertainTasks, int wins, int losses, SequentialTest.Outcome evidence) {

        /** Whether the evidence suffices, or nothing is left to measure. */
        public boolean settled() {
            return evidence.settled() || uncertainTasks.isEmpty();
        }
    }

    private AdaptivePlan() {}

    public static Round next(List<TrialResult> child, List<TrialResult> parent, SequentialTest test) {
        Map<String, List<TrialResult>> c = graded(child);
        Map<String, List<TrialResult>> p = graded(parent);
        List<String> uncertain = new ArrayList<>();
        int wins = 0;
        int losses = 0;
        for (Map.Entry<String, List<TrialResult>> entry : c.entrySet()) {
            List<TrialResult> mine = entry.getValue();
            List<TrialResult> theirs = p.get(entry.getKey());
            if (theirs == null) {
                continue;
            }
            int paired = Math.min(mine.size(), theirs.size());
            boolean discordant = false;
            boolean parentPassed = false;
            boolean parentFailed = false;
            for (int j = 0; j < paired; j++) {
                boolean ours = mine.get(j).resolved();
                boolean parents = theirs.get(j).resolved();
                wins += ours && !parents ? 1 : 0;
                losses += !ours && parents ? 1 : 0;
                discordant |= ours != parents;
                parentPassed |= parents;
                parentFailed |= !parents;
            }
            if ((discordant || parentPassed && parentFailed) && theirs.size() > mine.size()) {
                uncertain.add(entry.getKey());
            }
        }
        return new Round(uncertain, wins, losses, test.judge(differences(child, parent)));
    }

    /**
     * The paired differences child − parent (1, 0 or −1), one per pair of graded trials, in the order the child's trials
     * ran: by the child's trial number, then by task. Infrastructure failures and task errors are left out.
     */
    public static double[] differences(List<TrialResult> child, List<TrialResult> parent) {
        Map<String, List<TrialResult>> c = graded(child);
        Map<String, List<TrialResult>> p = graded(parent);
        record Pair(int trial, String task, double difference) {}
        List<Pair> pairs = new ArrayList<>();
        c.forEach((task, mine) -> {
            List<TrialResult> theirs = p.getOrDefault(task, List.of());
            for (int j = 0; j < Math.min(mine.size(), theirs.size()); j++) {
                pairs.add(new Pair(mine.get(j).trial(), task, (mine.get(j).resolved() ? 1 : 0) - (theirs.get(j).resolved() ? 1 : 0)));
            }
        });
        return pairs.stream().sorted(Comparator.comparingInt(Pair::trial).thenComparing(Pair::task)).mapToDouble(Pair::difference).toArray();
    }

    /** Per task, its graded trials in trial order; infrastructure failures and task errors left out. */
    private static Map<String, List<TrialResult>> graded(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::graded).sorted(Comparator.comparingInt(TrialResult::trial))
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.toList()));
    }
}
