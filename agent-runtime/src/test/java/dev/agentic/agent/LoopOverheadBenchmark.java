package dev.agentic.agent;

import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.PriceTable;
import dev.agentic.model.RetryPolicy;
import dev.agentic.model.ScriptedChatModel;
import dev.agentic.sandbox.LocalSandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.TrajectoryWriter;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent loop's own cost per step, excluding model and sandbox: the same scripted model and
 * the same commands are run by the full loop (tool dispatch, diagnosis, memory, trajectory written
 * to disk) and by a bare loop that only calls the model and the sandbox. Prints per-step times of
 * both, their difference (the overhead) and their ratio.
 * Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@loop-benchmark}.
 */
public final class LoopOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = 5;
        Path dir = Files.createTempDirectory("loop-benchmark");
        Path script = dir.resolve("script.yaml");
        StringBuilder yaml = new StringBuilder("turns:\n");
        for (int i = 0; i < steps; i++) {
            yaml.append("  - tool_calls: [{name: bash, arguments: {command: \"echo step ").append(i).append("\"}}]\n");
        }
        yaml.append("  - tool_calls: [{name: submit, arguments: {}}]\n");
        Files.writeString(script, yaml);

        try (LocalSandbox sandbox = LocalSandbox.start(SandboxSpec.of("none"))) {
            bare(script, sandbox, steps);
            full(script, sandbox, steps, dir);
            List<Double> bareTimes = new ArrayList<>();
            List<Double> fullTimes = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                bareTimes.add(bare(script, sandbox, steps));
                fullTimes.add(full(script, sandbox, steps, dir));
            }
            double bare = bareTimes.stream().sorted().toList().get(rounds / 2);
            double full = fullTimes.stream().sorted().toList().get(rounds / 2);
            System.out.printf(Locale.ROOT, "%d steps per episode, median of %d rounds, local sandbox%n", steps, rounds);
            System.out.printf(Locale.ROOT, "bare loop  (model + sandbox only)                     %8.3f ms/step%n", bare);
            System.out.printf(Locale.ROOT, "agent loop (memory window:10, diagnosis, trajectory) %8.3f ms/step%n", full);
            System.out.printf(Locale.ROOT, "loop overhead %+.3f ms/step, ratio agent/bare %.3f%n", full - bare, full / bare);
        }
    }

    private static double full(Path script, LocalSandbox sandbox, int steps, Path dir) {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with("memory", "window:10")
                .with("max-steps", Integer.toString(steps + 5));
        long start = System.nanoTime();
        try (TrajectoryWriter writer = new TrajectoryWriter(dir.resolve("trajectory.jsonl"), Secrets.standard())) {
            EpisodeResult result = new Agent(config, client(script), writer::write).run(sandbox, "bench", "Echo.");
            if (result.exitStatus() != ExitStatus.SUBMITTED) {
                throw new IllegalStateException("benchmark episode ended with " + result.exitStatus() + ": " + result.detail());
            }
        }
        return (System.nanoTime() - start) / 1e6 / (steps + 1);
    }

    /** The same model calls and commands with nothing else: no tools layer, memory, diagnosis or trajectory. */
    private static double bare(Path script, LocalSandbox sandbox, int steps) throws Exception {
        ModelClient model = client(script);
        List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("Echo.")));
        long start = System.nanoTime();
        for (int i = 0; i <= steps; i++) {
            AiMessage reply = model.call(messages, List.of()).message();
            messages.add(reply);
            for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
                String command = call.name().equals("bash") ? new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(call.arguments()).get("command").asText() : "true";
                String output = sandbox.exec(command, Duration.ofSeconds(10)).stdout();
                messages.add(ToolExecutionResultMessage.from(call, output));
            }
        }
        return (System.nanoTime() - start) / 1e6 / (steps + 1);
    }

    private static ModelClient client(Path script) {
        return new ModelClient(ScriptedChatModel.fromFile(script), "scripted", new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                PriceTable.builtIn(), null);
    }
}
