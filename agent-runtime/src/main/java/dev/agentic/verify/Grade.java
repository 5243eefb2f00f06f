package dev.agentic.verify;

import dev.agentic.verify.swebench.TestStatus;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;

/**
 * The verdict of a task's own tests on what the agent left behind.
 *
 * @param reward 1 or 0, or the reward a Harbor verifier wrote
 * @param tests per-test statuses as parsed
 * @param output the raw test output (capped by the sandbox)
 * @param detail what went wrong, in words, when not resolved
 * @param sweBench the SWE-bench report, for SWE-bench tasks; null otherwise
 * @param rewards every metric a Harbor verifier wrote to {@code reward.json} (or {@code reward} from {@code reward.txt})
 */
public record Grade(boolean resolved, double reward, Outcome outcome, Map<String, TestStatus> tests, String output,
                    @JsonIgnore Duration duration, String detail, SweBenchReport sweBench, Map<String, Double> rewards) {

    public Grade {
        tests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tests)); // keeps report order
        rewards = rewards == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rewards));
    }

    public Grade(boolean resolved, double reward, Outcome outcome, Map<String, TestStatus> tests, String output, Duration duration,
                 String detail, SweBenchReport sweBench) {
        this(resolved, reward, outcome, tests, output, duration, detail, sweBench, Map.of());
    }

    /** The test run's wall time in milliseconds, as written to JSON. */
    @JsonProperty("duration_ms")
    public long durationMs() {
        return duration.toMillis();
    }

    /** How verification ended: a closed set. */
    public enum Outcome {
        /** Every test passed (or the reward is 1). */
        RESOLVED,
        /** Some test failed (or the reward is below 1). */
        TESTS_FAILED,
        /** The tests did not finish within the task's test timeout. */
        TEST_TIMEOUT,
        /** The test output had no summary to read, or the reward file held no number. */
        PARSE_ERROR,
        /** The agent's changes could not be applied to a fresh copy of the repository. */
        PATCH_FAILED,
        /** The agent changed nothing. */
        NO_CHANGE,
        /** A Harbor verifier wrote no reward, or an empty one. */
        REWARD_MISSING,
        /** The agent changed the tests or the grader's files; the result cannot be trusted and counts as failed. */
        TAMPERED,
        /**
         * The task is broken, not the agent: its environment does not build, its test script is missing, or its
         * tests give no result even on the environment as built. Left out of resolved rates, never retried.
         */
        TASK_ERROR,
        /** The verification itself broke (the sandbox failed): not the agent's fault. */
        VERIFIER_ERROR
    }

    /** This grade with {@code note} as its detail. */
    Grade withDetail(String note) {
        return new Grade(resolved, reward, outcome, tests, output, duration, note, sweBench, rewards);
    }

    /** The grader's files or runner were tampered with: not resolved, with the evidence. */
    static Grade tampered(java.util.List<GraderGuard.Tampering> evidence) {
        return of(Outcome.TAMPERED, Map.of(), "", Duration.ZERO, GraderGuard.describe(evidence));
    }

    /** The task is broken: {@code why}, with the last lines of what its tests printed. */
    public static Grade taskError(String why, String output, Duration duration) {
        String tail = output == null ? "" : String.join("\n", output.lines().skip(Math.max(0, output.lines().count() - 20)).toList());
        return of(Outcome.TASK_ERROR, Map.of(), output == null ? "" : output, duration,
                why + (tail.isBlank() ? "" : "; last lines of its output:\n" + tail));
    }

    public static Grade of(Outcome outcome, Map<String, TestStatus> tests, String output, Duration duration, String detail) {
        boolean resolved = outcome == Outcome.RESOLVED;
        return new Grade(resolved, resolved ? 1 : 0, outcome, tests, output, duration, detail, null);
    }
}
