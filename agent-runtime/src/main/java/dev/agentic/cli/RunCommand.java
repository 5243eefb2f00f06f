package dev.agentic.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentic.document.Document;
import dev.agentic.document.Format;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.SettingException;
import dev.agentic.agent.Settings;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelOptions;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.Models;
import dev.agentic.bench.BenchSpec;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Places;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.trial.Attempt;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialAgent;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.verify.Grade;
import dev.agentic.verify.swebench.TestStatus;
import dev.agentic.task.Task;
import dev.agentic.task.Tasks;
import dev.agentic.trajectory.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx run}: one task, one episode, a live transcript and a trajectory file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the agent on one task folder in a Docker sandbox (network none) and print a live transcript.",
            "After the agent stops, the task's own tests grade the result (not with --local or --no-verify).",
            "Exit code: 0 when the task is resolved (with --no-verify: when the agent submitted), 1 otherwise, 2 on bad input,"
                + " 3 when the sandbox failed."})
final class RunCommand implements Callable<Integer> {

    private static final com.fasterxml.jackson.databind.ObjectWriter GRADES = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .writerWithDefaultPrettyPrinter();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "<folder>", description = "task folder: Terminal-Bench (task.yaml), Harbor (task.toml) or a SWE-bench instance (instance.json + Dockerfile)")
    Path task;

    @Option(names = "--model", paramLabel = "<spec>", description = "openai:<model>, anthropic:<model>, ollama:<model>, scripted:<file>,"
            + " replay:<trajectory>; default: $AGENT_MODEL")
    String model;

    @Option(names = "--config", paramLabel = "<file>", description = "YAML file of settings (memory: window:10, planning: plan-first, ...;"
            + " the keys: docs/agent.md)")
    Path config;

    @Option(names = "--set", paramLabel = "<key=value>", description = "one setting, e.g. --set memory=window:10 (repeatable; after --config)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--base-url", paramLabel = "<url>", description = "address of an OpenAI-compatible (or Anthropic, Ollama) server")
    String baseUrl;

    @Option(names = "--prices", paramLabel = "<file>", description = "extra model prices, USD per million tokens: lines '<model> = <input>, <output>[, <cached input>[, <cache write>]]'")
    Path prices;

    @Option(names = "--out", paramLabel = "<folder>", description = "where the trajectory goes (default: runs/<task>-<time>)")
    Path out;

    @Option(names = "--image", paramLabel = "<image>", description = "image for tasks without a Dockerfile (default: ${DEFAULT-VALUE})")
    String baseImage = SandboxSpec.BASE_IMAGE;

    @Option(names = "--local", description = "run commands as local processes instead of in Docker: NOT isolated, for development only;"
            + " implies --no-verify")
    boolean local;

    @Option(names = "--no-verify", description = "do not run the task's tests after the agent stops")
    boolean noVerify;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        Task taskFolder = Tasks.load(task, baseImage);
        if (prices != null) {
            Inputs.file("--prices", prices);
        }
        AgentConfig agentConfig = configuration(taskFolder);
        ModelClient client = Models.fromEnvironment().create(agentConfig.model(),
                ModelOptions.DEFAULT.withBaseUrl(baseUrl).withSampling(agentConfig.temperature(), agentConfig.seed()).withPrices(prices)
                        .withPromptCache(agentConfig.promptCache()),
                taskFolder.id());
        client.onRetry(message -> console.println("  … " + message));
        Path outDir = Inputs.outputFolder("--out", out != null ? out
                : Path.of("runs", taskFolder.id() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Path trajectory = outDir.resolve("trajectory.jsonl");

        console.println("agentx run: task " + taskFolder.id() + " (" + taskFolder.difficulty().label() + ", " + taskFolder.category() + ")");
        console.println("  model " + agentConfig.model() + " · " + describe(agentConfig));
        boolean isolated;
        Attempt attempt;
        try (Place place = local ? Places.named("local", BenchSpec.ENGINE_WAIT) : Places.chosen(BenchSpec.ENGINE_WAIT)) {
            isolated = place.isolated();
            place.open(java.time.Duration.ofSeconds(30), line -> console.println("  " + line));
            boolean verify = isolated && !noVerify;
            console.println("  sandbox: " + place.name() + (verify ? "" : " · not verified"));
            TranscriptPrinter printer = new TranscriptPrinter(console);
            TrialPipeline pipeline = TrialPipeline.at(place, verify ? Grading.benchmark(place, 1.0, java.util.Set.of()) : Grading.none());
            attempt = pipeline.attempt(taskFolder, new TrialAgent.ModelAgent(agentConfig, client, trajectory, printer::accept));
        }
        if (attempt instanceof Attempt.TaskBroken broken) {
            throw new dev.agentic.task.TaskException(broken.error());
        }
        if (attempt instanceof Attempt.Infrastructure failed) {
            throw new SandboxException(failed.error());
        }
        Attempt.Graded graded = (Attempt.Graded) attempt;
        EpisodeResult result = graded.episode();
        Grade grade = graded.grade();
        if (grade != null) {
            Files.writeString(outDir.resolve("grade.json"), Secrets.standard().redact(GRADES.writeValueAsString(grade)));
            console.println(describe(grade));
        }
        console.println("trajectory: " + trajectory + (grade == null ? "" : " · grade: " + outDir.resolve("grade.json")));
        boolean success = grade != null ? grade.resolved() : result.exitStatus() == ExitStatus.SUBMITTED;
        return success ? 0 : 1;
    }

    private AgentConfig configuration(Task taskFolder) {
        String modelSpec = model != null ? model : System.getenv("AGENT_MODEL");
        if (modelSpec == null || modelSpec.isBlank()) {
            throw new IllegalArgumentException("no model: give --model <spec> (e.g. --model openai:gpt-4o-mini with OPENAI_API_KEY set,"
                    + " or --model scripted:<file>) or set AGENT_MODEL");
        }
        AgentConfig result = AgentConfig.defaults(modelOption(model != null ? "--model " : "AGENT_MODEL=", modelSpec))
                .withWallTime(Duration.ofSeconds(Math.max(1, taskFolder.agentTimeout().toSeconds())));
        if (config != null) {
            result = result.with(Settings.read(config));
        }
        return result.with(Settings.fromOption("--set", settings));
    }

    /** The model named by an option or a variable; a bad spec is refused as written ({@code --model gpt4: expected …}). */
    static ModelSpec modelOption(String where, String spec) {
        try {
            return Settings.MODEL.parse(spec);
        } catch (SettingException e) {
            throw new IllegalArgumentException(where + spec + ": " + e.problem(), e);
        }
    }

    static String describe(Grade grade) {
        long passed = grade.tests().values().stream().filter(TestStatus::passing).count();
        String counts = grade.tests().isEmpty() ? "" : " · " + passed + " of " + grade.tests().size() + " tests passing";
        String reward = grade.sweBench() != null ? " · " + grade.sweBench().resolution() : "";
        return "tests: " + grade.outcome() + counts + reward + (grade.detail() == null ? "" : " · " + grade.detail());
    }

    private static String describe(AgentConfig config) {
        Map<String, String> all = config.describe();
        return "prompt " + all.get("prompt") + " · planning " + all.get("planning") + " · memory " + all.get("memory")
                + " · tools " + all.get("tools") + " · diagnosis " + all.get("diagnosis") + " · max-steps " + all.get("max-steps")
                + " · wall-time " + all.get("wall-time");
    }
}
