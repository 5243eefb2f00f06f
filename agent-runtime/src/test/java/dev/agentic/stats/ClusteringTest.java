package dev.agentic.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The intraclass correlation and design effect, worked by hand from the one-way ANOVA (the arithmetic is in the comments). */
class ClusteringTest {

    @Test
    void iccOfEqualGroupsMatchesTheReferenceValue() {
        // means 1, 0, 1/3, 2/3, grand mean 0.5; SSB = 3·(0.25 + 0.25 + 1/36 + 1/36) = 5/3, MSB = 5/9;
        // SSW = 0 + 0 + 2/3 + 2/3 = 4/3, MSW = (4/3)/8 = 1/6; k₀ = 3: ICC = (5/9 − 1/6)/(5/9 + 2/6) = (7/18)/(16/18) = 0.4375
        List<List<Integer>> groups = List.of(List.of(1, 1, 1), List.of(0, 0, 0), List.of(1, 0, 0), List.of(1, 1, 0));
        assertThat(Clustering.icc(groups)).isCloseTo(0.4375, offset(1e-12));
        // design effect 1 + (3 − 1)·0.4375 = 1.875
        assertThat(Clustering.designEffect(groups)).isCloseTo(1.875, offset(1e-12));
    }

    @Test
    void unequalGroupsUseKZeroNotTheMeanSize() {
        // sizes 2, 3, 4: N = 9, Σn² = 29, k₀ = (9 − 29/9)/2 = 2.8889 (the mean size would be 3)
        // means 1, 0, 0.5, grand mean 4/9: SSB = 1.2222, MSB = 0.61111; SSW = 1, MSW = 1/6
        // ICC = (0.61111 − 0.16667)/(0.61111 + 1.8889·0.16667) = 0.48 (with the mean size 3: 0.47059)
        List<List<Integer>> groups = List.of(List.of(1, 1), List.of(0, 0, 0), List.of(1, 0, 0, 1));
        assertThat(Clustering.icc(groups)).isCloseTo(0.48, offset(1e-12));
        // the pass rate over trials weighs groups by size: k̄ = Σn²/N = 29/9, design effect 1 + (29/9 − 1)·0.48 = 2.06667
        assertThat(Clustering.designEffect(groups)).isCloseTo(2.066667, offset(1e-6));
    }

    @Test
    void anUndefinedIccCountsEveryTaskAsOneTrial() {
        // every outcome the same: MSB = MSW = 0, the ICC is 0/0; K trials of a task are then worth one task
        List<List<Integer>> identical = List.of(List.of(1, 1, 1), List.of(1, 1, 1), List.of(1, 1, 1));
        assertThat(Clustering.icc(identical)).isNaN();
        assertThat(Clustering.designEffect(identical)).isEqualTo(3.0);
        assertThat(Clustering.designEffect(3, Double.NaN)).isEqualTo(3.0);
        // each task uniform, tasks differ: MSW = 0, ICC = 1
        assertThat(Clustering.icc(List.of(List.of(1, 1), List.of(0, 0)))).isEqualTo(1.0);
        // one trial per task: nothing within tasks, and nothing to correct
        List<List<Integer>> single = List.of(List.of(1), List.of(0), List.of(1));
        assertThat(Clustering.icc(single)).isNaN();
        assertThat(Clustering.designEffect(single)).isEqualTo(1.0);
        // outcomes as alike within tasks as between them: ICC clamped at 0
        assertThat(Clustering.icc(List.of(List.of(1, 0), List.of(1, 0), List.of(0, 1)))).isZero();
    }
}
