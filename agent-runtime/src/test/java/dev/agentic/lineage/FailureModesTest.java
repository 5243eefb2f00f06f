package dev.agentic.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.trial.TrialResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureModesTest {

    static TrialResult trial(String task, int k, String label, List<String> tags) {
        boolean ok = label.equals("none");
        return new TrialResult(1, task, k, "tb", "c", "easy", ok, ok ? 1 : 0, ok ? "RESOLVED" : "TESTS_FAILED", label, "submitted", null,
                Map.of(), null, 1, 1, 1, 0, 1, 1, 1, 1, null, "t", "s", "e", tags, null);
    }

    @Test
    void labelsTagsAndFlippedTasksSideBySide() {
        List<TrialResult> parent = List.of(trial("a", 1, "none", List.of()), trial("b", 1, "context_length_exceeded", List.of()),
                trial("c", 1, "none", List.of()));
        List<TrialResult> child = List.of(trial("a", 1, "repeated", List.of("repeated_failing_command")), trial("b", 1, "none", List.of()),
                trial("c", 1, "none", List.of()));
        FailureModes modes = FailureModes.compare(child, parent);
        assertThat(modes.labels().get("context_length_exceeded")).containsExactly(1, 0);
        assertThat(modes.tags().get("repeated_failing_command")).containsExactly(0, 1);
        assertThat(modes.flips()).extracting(FailureModes.Flip::task).containsExactly("a", "b");
        assertThat(modes.flips().get(0).childLabel()).isEqualTo("repeated");
        assertThat(modes.sentence()).isEqualTo("introduced 1 repeated failures; fixed 1 context_length_exceeded failures; 1 task got worse, 1 better");
    }
}
