package dev.agentic.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.tool.ToolResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfDiagnosisTest {

    static ToolResult command(int exit, String text, boolean timedOut, boolean truncated) {
        return new ToolResult(text, exit != 0 || timedOut, exit, timedOut, truncated, null);
    }

    static List<String> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void healthyCommandsRaiseNothing() {
        SelfDiagnosis diagnosis = new SelfDiagnosis();
        for (int step = 1; step <= 10; step++) {
            assertThat(diagnosis.observe(step, "bash", "ls " + step, command(0, "[exit code 0]\nfile\n", false, false))).isEmpty();
        }
        assertThat(diagnosis.observe(11, "bash", "false", command(1, "[exit code 1]\n", false, false))).isEmpty();
    }

    @Test
    void permissionDeniedIsReported() {
        List<Finding> found = new SelfDiagnosis().observe(1, "bash", "./run.sh",
                command(126, "[exit code 126]\n[stderr]\nbash: line 1: ./run.sh: Permission denied\n", false, false));
        assertThat(kinds(found)).containsExactly("permission-denied");
        assertThat(found.get(0).hint()).contains("chmod +x");
    }

    @Test
    void theSameFailingCommandThreeTimesIsReportedOnceWithinTheCooldown() {
        SelfDiagnosis diagnosis = new SelfDiagnosis();
        List<String> all = new ArrayList<>();
        for (int step = 1; step <= 6; step++) {
            all.addAll(kinds(diagnosis.observe(step, "bash", "make test", command(2, "[exit code 2]\nerror\n", false, false))));
        }
        assertThat(all).containsExactly("repeated-failure");
    }

    @Test
    void timeoutsTruncationAndEditMissesAreReported() {
        SelfDiagnosis diagnosis = new SelfDiagnosis();
        assertThat(diagnosis.observe(1, "bash", "pytest", command(137, "[command timed out]", true, false))).isEmpty();
        assertThat(kinds(diagnosis.observe(2, "bash", "pytest -x", command(137, "[command timed out]", true, false)))).containsExactly("timeouts");

        for (int step = 3; step <= 4; step++) {
            assertThat(diagnosis.observe(step, "bash", "cat big" + step, command(0, "x", false, true))).isEmpty();
        }
        assertThat(kinds(diagnosis.observe(5, "bash", "cat big5", command(0, "x", false, true)))).containsExactly("output-truncated");

        ToolResult miss = ToolResult.failed("No replacement was made: old_str does not occur verbatim in a.py. View the file...");
        assertThat(diagnosis.observe(6, "editor", null, miss)).isEmpty();
        assertThat(kinds(diagnosis.observe(7, "editor", null, miss))).containsExactly("edit-mismatch");
    }
}
