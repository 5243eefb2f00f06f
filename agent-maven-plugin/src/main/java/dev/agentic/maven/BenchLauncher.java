package dev.agentic.maven;

import dev.agentic.agent.AgentConfig;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.ResolvedVariant;
import dev.agentic.lineage.Variant;
import dev.agentic.model.ModelSpec;
import dev.agentic.task.TaskSet;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Runs a variant's bench in a child JVM (see {@code docs/containers.md}) with the {@link BenchParameters} of a goal:
 * checks the run options, chooses the model, builds the runtime's command line and maps its exit to a build result.
 * {@code agent:bench} and {@code agent:gate} (for a missing bench) both launch through it.
 */
final class BenchLauncher {

    private final String suite;
    private final File cache;
    private final String network;
    private final String sandbox;
    private final File engines;
    private final int trials;
    private final int concurrency;
    private final String tasks;
    private final String exclude;
    private final boolean allowInternetTasks;
    private final String model;
    private final File offlineScripts;
    private final String runId;
    private final double timeoutMultiplier;
    private final int infraRetries;
    private final String baseImage;
    private final String taskSet;
    private final boolean adaptive;
    private final int trialBudget;
    private final String engineWait;
    private final String maxUngradedShare;
    private final String maxRunCost;
    private final File prices;
    private final String jvmArgs;

    private final File resultsDirectory;
    private final MavenProject project;
    private final PluginDescriptor plugin;
    private final RuntimeOptions options;
    private final Log log;

    /** The runtime's exit code when the run's cost cap stopped it (resumable with a higher cap). */
    private static final int COST_CAP = 7;

    /**
     * @param resultsDirectory the experiments folder: a variant's results go to {@code <resultsDirectory>/<variant>/results}
     * @param project the module, against whose folder a relative suite is resolved
     * @param plugin this plugin, whose classpath the child JVM gets
     */
    BenchLauncher(BenchParameters parameters, File resultsDirectory, MavenProject project, PluginDescriptor plugin, Log log) {
        this.suite = parameters.suite();
        this.cache = parameters.cache();
        this.network = parameters.network();
        this.sandbox = parameters.sandbox();
        this.engines = parameters.engines();
        this.trials = parameters.trials();
        this.concurrency = parameters.concurrency();
        this.tasks = parameters.tasks();
        this.exclude = parameters.exclude();
        this.allowInternetTasks = parameters.allowInternetTasks();
        this.model = parameters.model();
        this.offlineScripts = parameters.offlineScripts();
        this.runId = parameters.runId();
        this.timeoutMultiplier = parameters.timeoutMultiplier();
        this.infraRetries = parameters.infraRetries();
        this.baseImage = parameters.baseImage();
        this.taskSet = parameters.taskSet();
        this.adaptive = parameters.adaptive();
        this.trialBudget = parameters.trialBudget();
        this.engineWait = parameters.engineWait();
        this.maxUngradedShare = parameters.maxUngradedShare();
        this.maxRunCost = parameters.maxRunCost();
        this.prices = parameters.prices();
        this.jvmArgs = parameters.jvmArgs();
        this.resultsDirectory = resultsDirectory;
        this.project = project;
        this.plugin = plugin;
        this.options = RuntimeOptions.of(plugin, "bench");
        this.log = log;
    }

    /** Runs the bench of {@code declared} with its effective settings in a child JVM. */
    void runBench(Variant declared, Lineage lineage) throws MojoExecutionException {
        List<String> args = commandLine(declared, lineage);
        try {
            List<String> jvm = jvmArgs == null || jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+"));
            ForkedRuntime.Result result = ForkedRuntime.run(jvm, ForkedRuntime.classpath(plugin), args, line -> log.info(options.translate(line)));
            if (result.exitCode() == COST_CAP) { // the runtime's last line says what was spent and how to resume
                throw new MojoExecutionException("the bench of " + declared.id() + " stopped at its cost cap: "
                        + options.translate(result.tail().stream().filter(l -> l.contains("cost cap ")).reduce((a, b) -> b).orElse("(no message)")
                        .replaceFirst("^agentx: ", "")));
            }
            if (result.exitCode() != 0) {
                throw new MojoExecutionException("the bench of " + declared.id() + " failed (exit code " + result.exitCode() + "):\n  "
                        + String.join("\n  ", result.tail().stream().map(options::translate).toList()));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("could not start the bench JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted; rerun with -Dagent.runId=<the run id> to resume", e);
        }
    }

    /**
     * The runtime's command line for the bench of {@code declared}; a setting, model, suite or run option that cannot be
     * used is refused here, naming where it came from.
     */
    List<String> commandLine(Variant declared, Lineage lineage) throws MojoExecutionException {
        Map<String, String> settings = BuildErrors.attempt(options, () -> lineage.effectiveSettings(declared.id()));
        String chosenModel = chooseModel(settings);
        settings.put("model", chosenModel);
        try {
            AgentConfig.defaults(ModelSpec.parse(chosenModel)).with(settings);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(declared.source() + ": " + e.getMessage());
        }
        String suiteArgument = Suites.argument(suite, project);
        checkRunOptions();
        log.info("agent:bench " + declared.id() + (declared.parent() == null ? "" : " (child of " + declared.parent() + ")")
                + (declared.settings().isEmpty() ? "" : ", changes " + declared.settings()));
        log.info("model " + chosenModel + modelHint(chosenModel));
        return arguments(declared, settings, suiteArgument);
    }

    /** -Dagent.model, then the variant's, then AGENT_MODEL, then the offline scripted model; a bad spec names where it came from. */
    private String chooseModel(Map<String, String> settings) throws MojoExecutionException {
        if (model != null && !model.isBlank()) {
            return modelSpec("-Dagent.model=" + model.trim(), model.trim());
        }
        if (settings.containsKey("model")) {
            return settings.get("model");
        }
        String fromEnvironment = System.getenv("AGENT_MODEL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return modelSpec("AGENT_MODEL=" + fromEnvironment.trim(), fromEnvironment.trim());
        }
        return "scripted:" + offlineScripts.getAbsolutePath();
    }

    private static String modelSpec(String where, String spec) throws MojoExecutionException {
        try {
            ModelSpec.parse(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(where + ": " + VariantXml.reason(e.getMessage(), "model", spec));
        }
    }

    /** The run options passed only when set; refused here, naming the property, when they cannot mean anything. */
    private void checkRunOptions() throws MojoExecutionException {
        BuildErrors.option("agent.taskSet", () -> TaskSet.of(taskSet));
        if (isSet(engineWait) && !isDuration(engineWait.trim())) {
            throw new MojoExecutionException("-Dagent.engineWait=" + engineWait + ": expected a duration like 3m, 180s or PT3M");
        }
        if (isSet(maxUngradedShare) && !isFraction(maxUngradedShare.trim())) {
            throw new MojoExecutionException("-Dagent.maxUngradedShare=" + maxUngradedShare + ": expected a fraction from 0 to 1, e.g. 0.2");
        }
        if (isSet(maxRunCost) && !isAmount(maxRunCost.trim())) {
            throw new MojoExecutionException("-Dagent.maxRunCost=" + maxRunCost + ": expected a number of USD, 0 or more, e.g. 5 or 2.50");
        }
        if (prices != null && !prices.isFile()) {
            throw new MojoExecutionException("-Dagent.prices=" + prices + ": " + (prices.exists() ? "is a folder; expected a file"
                    : "file does not exist") + " (lines '<model> = <USD per Mtok in>, <USD per Mtok out>')");
        }
    }

    private static boolean isDuration(String text) {
        if (text.matches("\\d+[smh]")) {
            return true;
        }
        try {
            return !Duration.parse(text).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isFraction(String text) {
        try {
            double share = Double.parseDouble(text);
            return share >= 0 && share <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isAmount(String text) {
        try {
            double usd = Double.parseDouble(text);
            return usd >= 0 && !Double.isInfinite(usd);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String modelHint(String chosen) {
        return chosen.startsWith("scripted:")
                ? " (the offline scripted model; for a real one: -Dagent.model=openai:gpt-4o-mini with OPENAI_API_KEY set,"
                        + " or any OpenAI-compatible server with OPENAI_BASE_URL=http://host:port/v1)"
                : "";
    }

    /**
     * The arguments of {@code agentx bench} in the child JVM. The variant, resolved here (its ancestors' settings, its own,
     * the model chosen), goes as one file, {@code target/agent/<variant>.resolved.json}, which the child reads with
     * {@code --resolved} instead of parsing settings again; the options of the run follow.
     */
    private List<String> arguments(Variant declared, Map<String, String> settings, String suiteArgument) throws MojoExecutionException {
        File resolved = new File(project.getBuild().getDirectory(), "agent/" + declared.id() + ".resolved.json");
        BuildErrors.attempt(options, () -> {
            new ResolvedVariant(declared.id(), declared.parent(), declared.hypothesis(), settings, declared.source()).write(resolved.toPath());
            return resolved;
        });
        List<String> args = new ArrayList<>(List.of("bench", "--resolved", resolved.getAbsolutePath(), "--suite", suiteArgument,
                "--trials", Integer.toString(trials), "--concurrency", Integer.toString(concurrency),
                "--results", new File(resultsDirectory, declared.id() + "/results").getAbsolutePath(),
                "--timeout-multiplier", Double.toString(timeoutMultiplier), "--infra-retries", Integer.toString(infraRetries),
                "--image", baseImage, "--task-set", TaskSet.of(taskSet).label()));
        if (declared.parent() != null) {
            args.addAll(List.of("--parent-results", resultsOf(declared.parent()).getAbsolutePath()));
            if (adaptive) {
                args.addAll(List.of("--adaptive-parent", resultsOf(declared.parent()).getAbsolutePath(),
                        "--trial-budget", Integer.toString(trialBudget)));
            }
        }
        if (runId != null && !runId.isBlank()) {
            args.addAll(List.of("--run-id", runId.trim()));
        }
        globs(tasks).forEach(glob -> args.addAll(List.of("--tasks", glob)));
        globs(exclude).forEach(glob -> args.addAll(List.of("--exclude", glob)));
        if (allowInternetTasks) {
            args.add("--allow-internet-tasks");
        }
        if (isSet(engineWait)) {
            args.addAll(List.of("--engine-wait", engineWait.trim()));
        }
        if (cache != null) {
            args.addAll(0, List.of("--cache", cache.getAbsolutePath()));
        }
        if (isSet(network)) {
            args.addAll(0, List.of("--network", network.trim()));
        }
        if (isSet(sandbox)) {
            args.addAll(0, List.of("--sandbox", sandbox.trim()));
        }
        if (engines != null) {
            args.addAll(0, List.of("--engines", engines.getAbsolutePath()));
        }
        if (isSet(maxUngradedShare)) {
            args.addAll(List.of("--max-ungraded-share", maxUngradedShare.trim()));
        }
        if (isSet(maxRunCost)) {
            args.addAll(List.of("--max-run-cost", maxRunCost.trim()));
        }
        if (prices != null) {
            args.addAll(List.of("--prices", prices.getAbsolutePath()));
        }
        return args;
    }

    private static List<String> globs(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private File resultsOf(String variantId) {
        return new File(resultsDirectory, variantId + "/results");
    }
}
