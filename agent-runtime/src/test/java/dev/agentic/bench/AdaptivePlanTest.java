package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.stats.Sprt;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptivePlanTest {

    static final Sprt SPRT = new Sprt(0.7, 0.05, 0.2);

    static TrialResult t(String task, int index, boolean ok) {
        return AdaptiveTrialsBenchmark.trial(Integer.parseInt(task), index, ok);
    }

    @Test
    void discordantPairsAreCountedByTrialIndexAndOnlyUncertainTasksGetMoreTrials() {
        List<TrialResult> parent = List.of(t("1", 1, true), t("1", 2, true), t("2", 1, false), t("2", 2, true), t("3", 1, true), t("3", 2, true));
        List<TrialResult> child = List.of(t("1", 1, false), t("2", 1, false), t("3", 1, true));
        AdaptivePlan.Round round = AdaptivePlan.next(child, parent, SPRT);
        assertThat(round.wins()).isZero();
        assertThat(round.losses()).isEqualTo(1);
        // task-1 has a discordant pair; task-2's parent is mixed; task-3 agrees and is settled
        assertThat(round.uncertainTasks()).containsExactly("task-1", "task-2");
        assertThat(round.settled()).isFalse();
    }

    @Test
    void manyLossesSettleAsWorse() {
        List<TrialResult> parent = new java.util.ArrayList<>();
        List<TrialResult> child = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) { // 9 losses: 9 ln 1.4 = 3.03 >= ln 16 = 2.77
            parent.add(t(Integer.toString(i), 1, true));
            parent.add(t(Integer.toString(i), 2, true));
            child.add(t(Integer.toString(i), 1, false));
        }
        AdaptivePlan.Round round = AdaptivePlan.next(child, parent, SPRT);
        assertThat(round.worse()).isEqualTo(Sprt.Decision.ACCEPT_H1);
        assertThat(round.settled()).isTrue();
    }
}
