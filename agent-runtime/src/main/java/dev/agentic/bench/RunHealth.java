package dev.agentic.bench;

import dev.agentic.trial.TrialResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a finished run measured the agent: it did not when nothing was graded, or when more than
 * the allowed share of its trials ended as infrastructure failures or task errors.
 *
 * @param problem null when the run is healthy; else what went wrong, naming the dominant cause
 */
record RunHealth(String problem) {

    boolean healthy() {
        return problem == null;
    }

    static RunHealth of(List<TrialResult> trials, double maxUngradedShare) {
        long total = trials.size();
        long graded = trials.stream().filter(TrialResult::graded).count();
        long ungraded = total - graded;
        if (total == 0 || (graded > 0 && ungraded <= maxUngradedShare * total)) {
            return new RunHealth(null);
        }
        long infrastructure = trials.stream().filter(TrialResult::infrastructureFailure).count();
        long taskErrors = trials.stream().filter(TrialResult::taskError).count();
        String verdict = graded == 0 ? String.format(Locale.ROOT, "no trial of %d was graded", total)
                : String.format(Locale.ROOT, "%d of %d trials were not graded (%.0f%%, more than the %.0f%% allowed by"
                        + " --max-ungraded-share)", ungraded, total, 100.0 * ungraded / total, 100 * maxUngradedShare);
        return new RunHealth(verdict + ": " + infrastructure + " infrastructure failure" + (infrastructure == 1 ? "" : "s") + ", "
                + taskErrors + " task error" + (taskErrors == 1 ? "" : "s") + "; dominant cause: " + dominantCause(trials));
    }

    /** The most frequent first line among the ungraded trials' errors, with how many share it. */
    private static String dominantCause(List<TrialResult> trials) {
        Map<String, Long> causes = trials.stream().filter(t -> !t.graded())
                .map(t -> (t.taskError() ? "task error: " : "infrastructure: ") + firstLine(t.tries().error()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return causes.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + " trial" + (e.getValue() == 1 ? "" : "s") + ")").orElse("unknown");
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "(no error text)";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
