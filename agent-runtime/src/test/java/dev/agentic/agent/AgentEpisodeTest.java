package dev.agentic.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.PriceTable;
import dev.agentic.model.RetryPolicy;
import dev.agentic.model.ScriptedChatModel;
import dev.agentic.sandbox.ExecResult;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.testing.MemorySandbox;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.trajectory.TrajectoryEvent;
import dev.agentic.trajectory.TrajectoryWriter;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole episodes with the scripted model in a {@link MemorySandbox}: what the loop does with the
 * model's calls, the tools' results, limits, memory and diagnosis. The commands of the scripts are
 * answered as bash would answer them ({@link #shell}); what a real shell does is the sandboxes' own
 * tests, and a whole task in a container is {@code AgentCliTest}.
 */
class AgentEpisodeTest {

    @TempDir
    Path dir;

    /** The sandbox of each test, answering the scripts' commands. */
    final MemorySandbox sandbox = new MemorySandbox(SandboxSpec.of(SandboxSpec.BASE_IMAGE), AgentEpisodeTest::shell);

    private static final java.util.regex.Pattern SEQ = java.util.regex.Pattern.compile("seq (\\d+) (\\d+)");

    /**
     * The scripts' commands beyond the sandbox's built-ins: {@code seq}, a {@code python3} that is
     * not on the {@code PATH} or prints, and the commands of the calculator and replay scripts, which
     * change the files as bash would.
     */
    static ExecResult shell(String command, MemorySandbox sandbox) {
        java.util.regex.Matcher seq = SEQ.matcher(command);
        if (seq.matches()) {
            return MemorySandbox.ok(LongStream.rangeClosed(Long.parseLong(seq.group(1)), Long.parseLong(seq.group(2)))
                    .mapToObj(i -> i + "\n").collect(Collectors.joining()));
        }
        if (command.startsWith("PATH=/nowhere python3 ")) {
            return MemorySandbox.exit(127, "", "bash: line 1: python3: command not found\n");
        }
        if (command.equals("python3 -c 'print(1)'")) {
            return MemorySandbox.ok("1\n");
        }
        if (command.startsWith("mkdir -p /app/solve && cd /app/solve && printf ")) {
            String calc = "def add(a, b):\n    return a - b\n";
            sandbox.writeText("/app/solve/calc.py", calc);
            return MemorySandbox.ok(calc);
        }
        if (command.equals("cd /app/solve && python3 -c 'import calc; print(calc.add(2, 3))'")) {
            return MemorySandbox.ok(sandbox.readText("/app/solve/calc.py").contains("return a + b") ? "5\n" : "-1\n");
        }
        if (command.equals("mkdir -p /app/replay && echo $((6 * 7)) | tee /app/replay/answer")) {
            sandbox.writeText("/app/replay/answer", "42\n");
            return MemorySandbox.ok("42\n");
        }
        return null;
    }

    @Test
    void scriptedModelSolvesATaskAndTheTrajectoryRecordsWhatHappened() throws Exception {
        Path script = write("solve.yaml", """
                turns:
                  - text: "Let me see what is here."
                    tool_calls:
                      - name: bash
                        arguments: {command: "mkdir -p /app/solve && cd /app/solve && printf 'def add(a, b):\\n    return a - b\\n' > calc.py && cat calc.py"}
                  - tool_calls:
                      - name: editor
                        arguments: {command: str_replace, path: /app/solve/calc.py, old_str: "return a - b", new_str: "return a + b"}
                  - tool_calls:
                      - name: bash
                        arguments: {command: "cd /app/solve && python3 -c 'import calc; print(calc.add(2, 3))'"}
                  - tool_calls:
                      - name: submit
                        arguments: {summary: "fixed add"}
                """);
        Path trajectory = dir.resolve("trajectory.jsonl");
        EpisodeResult result = run(script, Map.of(), trajectory);

        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(result.submission()).isEqualTo("fixed add");
        assertThat(result.steps()).isEqualTo(4);
        assertThat(sandbox.readText("/app/solve/calc.py")).contains("return a + b");

        List<TrajectoryEvent> events = Trajectories.read(trajectory);
        assertThat(events.get(0)).isInstanceOf(TrajectoryEvent.Start.class);
        assertThat(events).filteredOn(TrajectoryEvent.ModelCall.class::isInstance).hasSize(4);
        List<TrajectoryEvent.ToolRun> tools = Trajectories.only(events, TrajectoryEvent.ToolRun.class);
        assertThat(tools).extracting(TrajectoryEvent.ToolRun::name).containsExactly("bash", "editor", "bash", "submit");
        assertThat(tools.get(0).observation()).contains("return a - b");
        assertThat(tools.get(2).observation()).isEqualTo("[exit code 0]\n5\n");
        assertThat(tools.get(2).exitCode()).isZero();
        TrajectoryEvent.End end = (TrajectoryEvent.End) events.get(events.size() - 1);
        assertThat(end.exitStatus()).isEqualTo("submitted");
        assertThat(end.inputTokens()).isEqualTo(result.usage().inputTokens()).isPositive();
    }

    @Test
    void aReplayOfTheTrajectoryDoesTheSameThing() throws Exception {
        Path script = write("original.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "mkdir -p /app/replay && echo $((6 * 7)) | tee /app/replay/answer"}}]
                  - tool_calls: [{name: editor, arguments: {command: view, path: /app/replay/answer}}]
                  - tool_calls: [{name: submit, arguments: {summary: "42"}}]
                """);
        Path original = dir.resolve("original.jsonl");
        run(script, Map.of(), original);

        Path replayed = dir.resolve("replayed.jsonl");
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("replay:" + original));
        EpisodeResult result;
        try (TrajectoryWriter writer = new TrajectoryWriter(replayed, Secrets.standard())) {
            result = new Agent(config, client(dev.agentic.model.ReplayChatModel.fromTrajectory(original)), writer::write)
                    .run(sandbox, "test", "Fix the calculator.");
        }
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(result.submission()).isEqualTo("42");
        List<TrajectoryEvent.ToolRun> before = Trajectories.only(Trajectories.read(original), TrajectoryEvent.ToolRun.class);
        List<TrajectoryEvent.ToolRun> after = Trajectories.only(Trajectories.read(replayed), TrajectoryEvent.ToolRun.class);
        assertThat(after).extracting(TrajectoryEvent.ToolRun::observation)
                .containsExactlyElementsOf(before.stream().map(TrajectoryEvent.ToolRun::observation).toList());
        assertThat(result.usage().inputTokens()).isEqualTo(
                Trajectories.only(Trajectories.read(original), TrajectoryEvent.End.class).get(0).inputTokens());
    }

    @Test
    void stepLimitStopsTheLoop() throws Exception {
        Path script = write("loop.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "echo 1"}}]
                  - tool_calls: [{name: bash, arguments: {command: "echo 2"}}]
                  - tool_calls: [{name: bash, arguments: {command: "echo 3"}}]
                """);
        EpisodeResult result = run(script, Map.of("max-steps", "2"), dir.resolve("t.jsonl"));
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.STEP_LIMIT);
        assertThat(result.steps()).isEqualTo(2);
    }

    @Test
    void tokenAndCostLimitsStopTheLoop() throws Exception {
        Path script = write("tokens.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "echo 1"}}]
                    usage: {input: 600, output: 500}
                  - tool_calls: [{name: bash, arguments: {command: "echo 2"}}]
                """);
        assertThat(run(script, Map.of("max-tokens", "1000"), dir.resolve("a.jsonl")).exitStatus()).isEqualTo(ExitStatus.TOKEN_LIMIT);

        Path prices = write("prices.properties", "scripted = 1000, 1000\n");
        ModelClient priced = new ModelClient(ScriptedChatModel.fromFile(script), "scripted", new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                PriceTable.builtIn().extendedWith(prices), null);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with("max-cost", "1.0");
        EpisodeResult costly = new Agent(config, priced, event -> { }).run(sandbox, "cost", "Spend.");
        assertThat(costly.exitStatus()).isEqualTo(ExitStatus.COST_LIMIT);
        assertThat(costly.costUsd()).isEqualTo(1.1);
        assertThat(costly.steps()).isEqualTo(1);
    }

    @Test
    void aCostLimitOnAModelWithoutAPriceIsNotEnforcedAndTheTrajectorySaysSoOnce() throws Exception {
        Path script = write("unpriced.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "echo 1"}}]
                    usage: {input: 600000, output: 500000}
                  - tool_calls: [{name: bash, arguments: {command: "echo 2"}}]
                    usage: {input: 600000, output: 500000}
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        ModelClient unpriced = new ModelClient(ScriptedChatModel.fromFile(script), "unpriced-model",
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), PriceTable.builtIn(), null);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with("max-cost", "0.01");
        Path trajectory = dir.resolve("unpriced.jsonl");
        EpisodeResult result;
        try (TrajectoryWriter writer = new TrajectoryWriter(trajectory, Secrets.standard())) {
            result = new Agent(config, unpriced, writer::write).run(sandbox, "cost", "Spend.");
        }
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(result.costUsd()).isNull();
        List<TrajectoryEvent> events = Trajectories.read(trajectory);
        assertThat(Trajectories.only(events, TrajectoryEvent.Notice.class)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("max-cost 0.01 USD is not enforced", "unpriced-model"));
        assertThat(Files.readString(trajectory)).doesNotContain("cost_usd");
    }

    @Test
    void wallTimeStopsTheLoopAndBoundsTheRunningCommand() throws Exception {
        Path script = write("slow.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "sleep 20"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        long start = System.nanoTime();
        EpisodeResult result = run(script, Map.of("wall-time", "2s"), dir.resolve("w.jsonl"));
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.TIME_LIMIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(sandbox.commands()).containsExactly("sleep 20");
        assertThat(sandbox.timeouts().get(0)).as("the command gets what is left of the wall time").isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSandboxThatKeepsFailingIsDiagnosedThenEndsTheEpisode() throws Exception {
        Path script = write("gone.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "echo hi"}}]
                  - tool_calls: [{name: bash, arguments: {command: "echo ok"}}]
                """);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script));
        MemorySandbox doomed = MemorySandbox.empty();
        doomed.close();
        List<TrajectoryEvent> events = new java.util.ArrayList<>();
        EpisodeResult result = new Agent(config, client(ScriptedChatModel.fromFile(script)), events::add).run(doomed, "gone", "Echo.");
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SANDBOX_ERROR);
        assertThat(result.steps()).isEqualTo(2);
        assertThat(result.detail()).contains("closed");
        assertThat(Trajectories.only(events, TrajectoryEvent.Diagnosis.class)).extracting(TrajectoryEvent.Diagnosis::kind)
                .containsExactly("sandbox-error");
    }

    @Test
    void summarizeMemoryAsksForOneSummaryAndSendsItInsteadOfTheOlderTurns() throws Exception {
        Path script = write("summary.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "seq 1 300"}}]
                  - tool_calls: [{name: bash, arguments: {command: "seq 301 600"}}]
                  - tool_calls: [{name: bash, arguments: {command: "seq 601 900"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                summaries: ["Printed 1 to 900 in three commands."]
                """);
        ScriptedChatModel model = ScriptedChatModel.fromFile(script);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with("memory", "summarize:600");
        Path trajectory = dir.resolve("sum.jsonl");
        try (TrajectoryWriter writer = new TrajectoryWriter(trajectory, Secrets.standard())) {
            assertThat(new Agent(config, client(model), writer::write).run(sandbox, "summary", "Count.").exitStatus())
                    .isEqualTo(ExitStatus.SUBMITTED);
        }
        List<TrajectoryEvent.ModelCall> calls = Trajectories.only(Trajectories.read(trajectory), TrajectoryEvent.ModelCall.class);
        assertThat(calls).extracting(TrajectoryEvent.ModelCall::purpose).containsExactly("act", "act", "act", "summarize", "act");
        var summaryRequest = model.requests().get(3).messages();
        assertThat(dev.agentic.model.TokenEstimate.textOf(summaryRequest.get(summaryRequest.size() - 1)))
                .isEqualTo(dev.agentic.model.SideRequest.SUMMARY.tag(Agent.SUMMARY_REQUEST));
        var after = model.requests().get(4).messages().stream().map(dev.agentic.model.TokenEstimate::textOf).toList();
        assertThat(after.get(2)).isEqualTo(dev.agentic.memory.SummarizingMemory.SUMMARY_HEADER + "Printed 1 to 900 in three commands.");
        assertThat(String.join("\n", after)).doesNotContain("\n150\n").contains("\n750\n");
        assertThat(Trajectories.only(Trajectories.read(trajectory), TrajectoryEvent.Memory.class)).hasSize(1);
    }

    @Test
    void malformedArgumentsAreFormatErrorsAndEndTheEpisodeAfterTheLimit() throws Exception {
        Path script = write("format.yaml", """
                turns:
                  - tool_calls: [{name: bash, raw_arguments: "{not json"}]
                  - tool_calls: [{name: bash, arguments: {cmd: "ls"}}]
                  - text: "I think I am done."
                """);
        Path trajectory = dir.resolve("f.jsonl");
        EpisodeResult result = run(script, Map.of(), trajectory);
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.FORMAT_ERRORS);
        List<TrajectoryEvent.ToolRun> tools = Trajectories.only(Trajectories.read(trajectory), TrajectoryEvent.ToolRun.class);
        assertThat(tools.get(0).observation()).startsWith("Format error: bash: arguments are not valid JSON");
        assertThat(tools.get(1).observation()).isEqualTo("Format error: bash: missing required argument 'command'");
    }

    @Test
    void aToolTimeoutDoesNotEndTheEpisode() throws Exception {
        Path script = write("timeout.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "sleep 30"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        Path trajectory = dir.resolve("to.jsonl");
        EpisodeResult result = run(script, Map.of("tool-timeout", "1s"), trajectory);
        assertThat(result.exitStatus()).isEqualTo(ExitStatus.SUBMITTED);
        assertThat(Files.readString(trajectory)).contains("command timed out after 1 s");
    }

    @Test
    void selfDiagnosisFiresOnABrokenEnvironmentAndNotOnAHealthyRun() throws Exception {
        Path broken = write("broken.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "PATH=/nowhere python3 -c 'print(1)'"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        Path trajectory = dir.resolve("d.jsonl");
        run(broken, Map.of(), trajectory);
        List<TrajectoryEvent.Diagnosis> findings = Trajectories.only(Trajectories.read(trajectory), TrajectoryEvent.Diagnosis.class);
        assertThat(findings).extracting(TrajectoryEvent.Diagnosis::kind).containsExactly("command-not-found");
        assertThat(findings.get(0).evidence()).contains("python3");

        Path healthy = write("healthy.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "python3 -c 'print(1)'"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        Path clean = dir.resolve("h.jsonl");
        run(healthy, Map.of(), clean);
        assertThat(Trajectories.read(clean)).noneMatch(TrajectoryEvent.Diagnosis.class::isInstance);
    }

    @Test
    void noSecretFromTheEnvironmentReachesTheTrajectory() throws Exception {
        String secret = "sk-test-0123456789abcdef";
        Path script = write("leak.yaml", """
                turns:
                  - text: "my key is %s"
                    tool_calls: [{name: bash, arguments: {command: "echo %s"}}]
                  - tool_calls: [{name: submit, arguments: {summary: "%s"}}]
                """.formatted(secret, secret, secret));
        Path trajectory = dir.resolve("s.jsonl");
        ScriptedChatModel model = ScriptedChatModel.fromFile(script);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script));
        try (TrajectoryWriter writer = new TrajectoryWriter(trajectory, Secrets.from(Map.of("OPENAI_API_KEY", secret)))) {
            new Agent(config, client(model), writer::write).run(sandbox, "leak", "Do nothing.");
        }
        assertThat(Files.readString(trajectory)).doesNotContain(secret).contains("[redacted]");
    }

    @Test
    void windowMemoryReplacesOlderObservationsInWhatTheModelIsSent() throws Exception {
        Path script = write("window.yaml", """
                turns:
                  - tool_calls: [{name: bash, arguments: {command: "echo first-output"}}]
                  - tool_calls: [{name: bash, arguments: {command: "echo second-output"}}]
                  - tool_calls: [{name: bash, arguments: {command: "echo third-output"}}]
                  - tool_calls: [{name: submit, arguments: {}}]
                """);
        ScriptedChatModel model = ScriptedChatModel.fromFile(script);
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with("memory", "window:1");
        new Agent(config, client(model), event -> { }).run(sandbox, "window", "Echo things.");
        var lastRequest = model.requests().get(3).messages();
        List<String> observations = lastRequest.stream().filter(ToolExecutionResultMessage.class::isInstance)
                .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
        assertThat(observations).hasSize(3);
        assertThat(observations.get(0)).startsWith("[older output omitted");
        assertThat(observations.get(1)).startsWith("[older output omitted");
        assertThat(observations.get(2)).contains("third-output");
    }

    private EpisodeResult run(Path script, Map<String, String> settings, Path trajectory) {
        AgentConfig config = AgentConfig.defaults(ModelSpec.parse("scripted:" + script)).with(settings);
        try (TrajectoryWriter writer = new TrajectoryWriter(trajectory, Secrets.standard())) {
            return new Agent(config, client(ScriptedChatModel.fromFile(script)), writer::write).run(sandbox, "test", "Fix the calculator.");
        }
    }

    private static ModelClient client(ScriptedChatModel model) {
        return new ModelClient(model, "scripted", new RetryPolicy(1, Duration.ZERO, Duration.ZERO), PriceTable.free(), null);
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
