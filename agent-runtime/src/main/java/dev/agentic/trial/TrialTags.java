package dev.agentic.trial;

import dev.agentic.trajectory.TrajectoryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Behaviour tags of a trial, read from its trajectory without a model. Rules:
 * <ul>
 *   <li>{@code never_ran_tests}: no bash command ran a test runner (pytest, unittest, make test/check,
 *       a run_tests script, npm/go/mvn test);</li>
 *   <li>{@code edited_without_retesting}: a file was changed after the last test run (or tests never ran
 *       but files were changed);</li>
 *   <li>{@code submitted_without_verification}: the agent submitted with no command run after its last
 *       change (nothing was even looked at);</li>
 *   <li>{@code repeated_failing_command}: the same bash command failed three times or more;</li>
 *   <li>{@code gave_up_early}: it submitted within two steps and the task is not resolved;</li>
 *   <li>{@code self_diagnosis_fired}: self-diagnosis told the model something;
 *       {@code recovered_after_diagnosis}: and the task was resolved all the same.</li>
 * </ul>
 * Changes are editor create/str_replace/insert calls and bash commands that write files
 * ({@code sed -i}, redirections, {@code tee}, {@code mv}, {@code cp}, {@code rm}, {@code chmod},
 * {@code patch}, {@code git apply}).
 */
public final class TrialTags {

    static final Pattern TEST_RUN = Pattern.compile(
            "pytest|unittest|\\bmake\\b[^|;&]*\\b(test|check)\\b|run_tests|\\b(npm|go|mvn|cargo)\\b[^|;&]*\\btest\\b");
    static final Pattern WRITES = Pattern.compile(
            "sed\\s+-i|(^|[^0-9&])>>?\\s*[^&\\s]|\\btee\\b|\\bmv\\b|\\bcp\\b|\\brm\\b|\\bchmod\\b|\\bpatch\\b|git\\s+apply|\\bln\\b");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private TrialTags() {}

    public static List<String> of(List<TrajectoryEvent> events, boolean resolved) {
        int lastTestRun = -1;
        int lastChange = -1;
        int lastCommandAfterChange = -1;
        int index = 0;
        boolean submitted = false;
        int submitStep = Integer.MAX_VALUE;
        boolean diagnosed = false;
        Map<String, Integer> failures = new HashMap<>();
        for (TrajectoryEvent event : events) {
            index++;
            if (event instanceof TrajectoryEvent.Diagnosis) {
                diagnosed = true;
            }
            if (!(event instanceof TrajectoryEvent.ToolRun run)) {
                continue;
            }
            String command = commandOf(run);
            switch (run.name()) {
                case "submit" -> {
                    submitted = true;
                    submitStep = run.step();
                }
                case "editor" -> {
                    if (run.arguments() != null && !run.arguments().contains("\"view\"") && !run.error()) {
                        lastChange = index;
                    } else {
                        lastCommandAfterChange = index;
                    }
                }
                case "bash" -> {
                    if (command == null) {
                        break;
                    }
                    if (TEST_RUN.matcher(command).find()) {
                        lastTestRun = index;
                    }
                    if (WRITES.matcher(command).find()) {
                        lastChange = index;
                    } else {
                        lastCommandAfterChange = index;
                    }
                    if (run.error()) {
                        failures.merge(command.strip(), 1, Integer::sum);
                    }
                }
                default -> lastCommandAfterChange = index;
            }
        }
        List<String> tags = new ArrayList<>();
        if (lastTestRun < 0) {
            tags.add("never_ran_tests");
        }
        if (lastChange >= 0 && lastChange > lastTestRun) {
            tags.add("edited_without_retesting");
        }
        if (submitted && lastChange >= 0 && lastCommandAfterChange < lastChange) {
            tags.add("submitted_without_verification");
        }
        if (failures.values().stream().anyMatch(n -> n >= 3)) {
            tags.add("repeated_failing_command");
        }
        if (submitted && submitStep <= 2 && !resolved) {
            tags.add("gave_up_early");
        }
        if (diagnosed) {
            tags.add("self_diagnosis_fired");
            if (resolved) {
                tags.add("recovered_after_diagnosis");
            }
        }
        return tags;
    }

    private static String commandOf(TrajectoryEvent.ToolRun run) {
        if (run.arguments() == null) {
            return null;
        }
        try {
            var node = JSON.readTree(run.arguments()).get("command");
            return node == null ? null : node.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
