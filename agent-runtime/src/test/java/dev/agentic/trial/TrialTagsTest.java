package dev.agentic.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.trajectory.TrajectoryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialTagsTest {

    static TrajectoryEvent.ToolRun bash(int step, String command, boolean error) {
        return new TrajectoryEvent.ToolRun(step, "c" + step, "bash", "{\"command\":" + quote(command) + "}", "", error, error ? 1 : 0,
                false, false, 10);
    }

    static TrajectoryEvent.ToolRun editor(int step, String command) {
        return new TrajectoryEvent.ToolRun(step, "c" + step, "editor", "{\"command\":\"" + command + "\",\"path\":\"/app/x.py\"}", "ok",
                false, null, null, null, 10);
    }

    static TrajectoryEvent.ToolRun submit(int step) {
        return new TrajectoryEvent.ToolRun(step, "c" + step, "submit", "{}", "Submitted.", false, null, null, null, 1);
    }

    static String quote(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    @Test
    void aCarefulEpisodeHasNoTags() {
        List<TrajectoryEvent> events = List.of(bash(1, "ls", false), editor(2, "str_replace"), bash(3, "python3 -m pytest -q tests", false),
                submit(4));
        assertThat(TrialTags.of(events, true)).isEmpty();
    }

    @Test
    void editingAfterTheLastTestAndSubmittingBlindAreTagged() {
        List<TrajectoryEvent> events = List.of(bash(1, "pytest tests", true), editor(2, "str_replace"), submit(3));
        assertThat(TrialTags.of(events, false)).containsExactly("edited_without_retesting", "submitted_without_verification");
    }

    @Test
    void neverTestingRepeatingFailuresGivingUpAndDiagnosis() {
        List<TrajectoryEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(bash(i, "make build", true));
        }
        events.add(new TrajectoryEvent.Diagnosis(3, "repeated-failure", "x", "y"));
        events.add(bash(4, "echo fixed > /app/config.ini", false));
        events.add(bash(5, "cat /app/config.ini", false));
        events.add(submit(6));
        assertThat(TrialTags.of(events, true)).containsExactly("never_ran_tests", "edited_without_retesting",
                "repeated_failing_command", "self_diagnosis_fired", "recovered_after_diagnosis");
        assertThat(TrialTags.of(List.of(bash(1, "ls", false), submit(2)), false)).containsExactly("never_ran_tests", "gave_up_early");
    }
}
