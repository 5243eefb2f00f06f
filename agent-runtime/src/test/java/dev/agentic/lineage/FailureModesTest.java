package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.testing.Trials;
import dev.agentic.trial.FailureLabel;
import dev.agentic.trial.TrialResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureModesTest {

    static TrialResult trial(String task, FailureLabel label, List<String> tags) {
        return Trials.graded(task, 1, label, tags);
    }

    @Test
    void labelsTagsAndFlippedTasksSideBySide() {
        List<TrialResult> parent = List.of(trial("a", FailureLabel.NONE, List.of()), trial("b", FailureLabel.CONTEXT_LENGTH_EXCEEDED, List.of()),
                trial("c", FailureLabel.NONE, List.of()));
        List<TrialResult> child = List.of(trial("a", FailureLabel.STEP_LIMIT, List.of("repeated_failing_command")),
                trial("b", FailureLabel.NONE, List.of()), trial("c", FailureLabel.NONE, List.of()));
        FailureModes modes = FailureModes.compare(child, parent);
        assertThat(modes.labels().get(FailureLabel.CONTEXT_LENGTH_EXCEEDED)).containsExactly(1, 0);
        assertThat(modes.labels().keySet()).as("alphabetically by label, as printed")
                .containsExactly(FailureLabel.CONTEXT_LENGTH_EXCEEDED, FailureLabel.NONE, FailureLabel.STEP_LIMIT);
        assertThat(modes.tags().get("repeated_failing_command")).containsExactly(0, 1);
        assertThat(modes.flips()).extracting(FailureModes.Flip::task).containsExactly("a", "b");
        assertThat(modes.flips().get(0).childLabel()).isEqualTo(FailureLabel.STEP_LIMIT);
        assertThat(modes.sentence()).isEqualTo("introduced 1 step_limit failures; fixed 1 context_length_exceeded failures; 1 task got worse, 1 better");
    }
}
