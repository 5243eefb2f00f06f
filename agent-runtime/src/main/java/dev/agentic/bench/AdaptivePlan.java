package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import dev.agentic.stats.Sprt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where another trial is worth spending when a child is measured against its parent. Trials are
 * paired by task and index (the child's j-th trial of a task with the parent's j-th); a pair where
 * exactly one of them resolved the task is discordant: a win for the child or a loss. Under "no
 * difference" each discordant pair is a win with probability ½ whichever tasks get trials, so
 * Wald's SPRT on the running counts (see {@link Sprt}) is valid: one test for "the child is
 * better", one for "the child is worse". A task is uncertain, and gets another trial, while it has
 * a discordant pair or the parent's outcomes on it are mixed, and the parent has a trial left to
 * pair with; the run stops when either test accepts its alternative, both accept the null, no task
 * is uncertain, or the budget is spent.
 */
public final class AdaptivePlan {

    /** The state of the evidence after a round. */
    public record Round(List<String> uncertainTasks, int wins, int losses, Sprt.Decision better, Sprt.Decision worse) {

        /** Whether the evidence suffices (or nothing is left to measure). */
        public boolean settled() {
            return better == Sprt.Decision.ACCEPT_H1 || worse == Sprt.Decision.ACCEPT_H1
                    || better == Sprt.Decision.ACCEPT_H0 && worse == Sprt.Decision.ACCEPT_H0 || uncertainTasks.isEmpty();
        }
    }

    private AdaptivePlan() {}

    public static Round next(List<TrialResult> child, List<TrialResult> parent, Sprt sprt) {
        Map<String, List<Boolean>> c = outcomes(child);
        Map<String, List<Boolean>> p = outcomes(parent);
        List<String> uncertain = new ArrayList<>();
        int wins = 0;
        int losses = 0;
        for (Map.Entry<String, List<Boolean>> entry : c.entrySet()) {
            List<Boolean> mine = entry.getValue();
            List<Boolean> theirs = p.get(entry.getKey());
            if (theirs == null) {
                continue;
            }
            boolean discordant = false;
            for (int j = 0; j < Math.min(mine.size(), theirs.size()); j++) {
                if (mine.get(j) && !theirs.get(j)) {
                    wins++;
                    discordant = true;
                } else if (!mine.get(j) && theirs.get(j)) {
                    losses++;
                    discordant = true;
                }
            }
            boolean parentMixed = theirs.contains(true) && theirs.contains(false);
            if ((discordant || parentMixed) && theirs.size() > mine.size()) {
                uncertain.add(entry.getKey());
            }
        }
        return new Round(uncertain, wins, losses, sprt.decide(wins, losses), sprt.decide(losses, wins));
    }

    /** Per task, its outcomes in trial order; infrastructure failures and task errors left out. */
    static Map<String, List<Boolean>> outcomes(List<TrialResult> trials) {
        return trials.stream().filter(TrialResult::graded)
                .sorted(java.util.Comparator.comparingInt(TrialResult::trial))
                .collect(Collectors.groupingBy(TrialResult::task, TreeMap::new, Collectors.mapping(TrialResult::resolved, Collectors.toList())));
    }
}
