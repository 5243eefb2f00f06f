package dev.agentic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.stats.SequentialTest;
import dev.agentic.trial.TrialResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptivePlanTest {

    static TrialResult t(String task, int index, boolean ok) {
        return AdaptiveTrialsBenchmark.trial(Integer.parseInt(task), index, ok);
    }

    @Test
    void discordantPairsAreCountedByTrialIndexAndOnlyUncertainTasksGetMoreTrials() {
        List<TrialResult> parent = List.of(t("1", 1, true), t("1", 2, true), t("2", 1, false), t("2", 2, true), t("2", 3, true),
                t("3", 1, true), t("3", 2, true));
        List<TrialResult> child = List.of(t("1", 1, false), t("2", 1, false), t("2", 2, false), t("3", 1, true));
        AdaptivePlan.Round round = AdaptivePlan.next(child, parent, SequentialTest.DEFAULT);
        assertThat(round.wins()).isZero();
        assertThat(round.losses()).isEqualTo(2);
        // task-1 has a discordant pair; task-2's parent is mixed on the paired trials (and one pair is discordant);
        // task-3 agrees and is settled
        assertThat(round.uncertainTasks()).containsExactly("task-1", "task-2");
        assertThat(round.settled()).isFalse();
        // pairs in the order the child's trials ran: trial 1 of tasks 1, 2, 3, then trial 2 of task 2
        assertThat(AdaptivePlan.differences(child, parent)).containsExactly(-1, 0, 0, -1);
    }

    @Test
    void theParentsOutcomeOfThePairToComeNeverChoosesTheTask() {
        // the parent's trials 1 and 2 differ, but only trial 1 is paired: choosing the task because of trial 2 would tell
        // the test what the next pair's parent half is
        List<TrialResult> parent = List.of(t("1", 1, true), t("1", 2, false));
        List<TrialResult> child = List.of(t("1", 1, true));
        assertThat(AdaptivePlan.next(child, parent, SequentialTest.DEFAULT).uncertainTasks()).isEmpty();
    }

    @Test
    void eightStraightLossesSettleAsWorse() {
        List<TrialResult> parent = new ArrayList<>();
        List<TrialResult> child = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parent.add(t(Integer.toString(i), 1, true));
            parent.add(t(Integer.toString(i), 2, true));
            child.add(t(Integer.toString(i), 1, false));
        }
        AdaptivePlan.Round round = AdaptivePlan.next(child, parent, SequentialTest.DEFAULT);
        assertThat(round.evidence().worse()).isTrue();
        assertThat(round.settled()).isTrue();
        assertThat(AdaptivePlan.next(child.subList(0, 7), parent, SequentialTest.DEFAULT).evidence().worse()).isFalse();
    }
}
