package dev.agentic.verify;

import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.Shell;
import dev.agentic.task.HarborTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Harbor grading: {@code tests/} is copied to {@code /tests}, {@code tests/test.sh} runs with the
 * verifier's environment, and the number it writes to {@code /logs/verifier/reward.txt} (or
 * {@code reward.json}) is the reward; resolved when it is at least 1.
 */
public record HarborVerifier(HarborTask task, Duration testTimeout) implements Verifier {

    @Override
    public Grade verify(Sandbox sandbox, GraderGuard guard) {
        List<String> tampering = guard.changes(sandbox);
        if (!tampering.isEmpty()) {
            return Grade.of(Grade.Outcome.TAMPERED, Map.of(), "", Duration.ZERO,
                    "the grader's files changed while the agent worked: " + String.join(", ", tampering));
        }
        sandbox.exec("rm -rf /logs/verifier && mkdir -p /logs/verifier /tests", testTimeout);
        sandbox.copyIn(task.tests(), "/tests");
        String env = task.verifierEnv().entrySet().stream()
                .map(e -> e.getKey() + "=" + Shell.quote(e.getValue())).collect(Collectors.joining(" "));
        ExecResult run = sandbox.exec("cd " + task.workdir() + " && " + (env.isEmpty() ? "" : "env " + env + " ") + "bash /tests/test.sh",
                testTimeout);
        String output = run.stdout() + (run.stderr().isEmpty() ? "" : "\n[stderr]\n" + run.stderr());
        if (run.timedOut()) {
            return Grade.of(Grade.Outcome.TEST_TIMEOUT, Map.of(), output, run.duration(), "test.sh did not finish in time");
        }
        String reward = readReward(sandbox);
        if (reward == null || reward.isBlank()) {
            return Grade.of(Grade.Outcome.REWARD_MISSING, Map.of(), output, run.duration(),
                    "test.sh wrote no reward to /logs/verifier/reward.txt or reward.json (exit code " + run.exitCode() + ")");
        }
        double value;
        try {
            value = parseReward(reward.strip());
        } catch (IllegalArgumentException e) {
            return Grade.of(Grade.Outcome.PARSE_ERROR, Map.of(), output, run.duration(), e.getMessage());
        }
        boolean resolved = value >= 1.0;
        return new Grade(resolved, value, resolved ? Grade.Outcome.RESOLVED : Grade.Outcome.TESTS_FAILED, Map.of(), output,
                run.duration(), resolved ? null : "reward " + value, null);
    }

    private static String readReward(Sandbox sandbox) {
        for (String file : List.of("/logs/verifier/reward.txt", "/logs/verifier/reward.json")) {
            try {
                return sandbox.readText(file);
            } catch (SandboxException absent) {
                // try the other file
            }
        }
        return null;
    }

    /** A number, or a JSON object with a numeric {@code reward}. */
    static double parseReward(String text) {
        try {
            if (text.startsWith("{")) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("reward");
                if (node == null || !node.isNumber()) {
                    throw new IllegalArgumentException("reward.json has no numeric 'reward': " + text);
                }
                return node.asDouble();
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the reward is not a number: '" + text + "'");
        }
    }

}
