package dev.agentic.maven;

import dev.agentic.agent.AgentConfig;
import dev.agentic.lineage.Lineage;
import dev.agentic.lineage.ResolvedVariant;
import dev.agentic.lineage.Variant;
import dev.agentic.model.ModelSpec;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of a bench run and running it in a child JVM (see {@code docs/containers.md}). */
abstract class AbstractBenchMojo extends AbstractVariantMojo {

    /** The suite: a manifest file (relative to the module), or the id of a suite fetched with {@code agent:fetch}. */
    @Parameter(property = "agent.suite", defaultValue = "${project.basedir}/offline-core.yaml")
    private String suite;

    /** Where fetched suites are kept; unset: {@code AGENTX_CACHE}, else the user's cache folder. */
    @Parameter(property = "agent.cache")
    private File cache;

    /**
     * The network task containers join: unset or {@code none} (no network), or one the Docker engine has, e.g.
     * {@code bridge} (published Terminal-Bench 2 tests install their runner from the network).
     */
    @Parameter(property = "agent.network")
    private String network;

    /** Trials per task. */
    @Parameter(property = "agent.trials", defaultValue = "1")
    private int trials;

    /** Trials running at once. */
    @Parameter(property = "agent.concurrency", defaultValue = "2")
    private int concurrency;

    /** Only task ids matching these comma-separated globs. */
    @Parameter(property = "agent.tasks")
    private String tasks;

    /** Leave out task ids matching these comma-separated globs. */
    @Parameter(property = "agent.exclude")
    private String exclude;

    /** Run tasks that set {@code [environment].allow_internet = true} although containers have no network. */
    @Parameter(property = "agent.allowInternetTasks", defaultValue = "false")
    private boolean allowInternetTasks;

    /** The model, overriding the variant's and {@code AGENT_MODEL}: e.g. {@code openai:gpt-4o-mini}. */
    @Parameter(property = "agent.model")
    private String model;

    /** Scripts of the offline {@code scripted} model, used when no model is given anywhere. */
    @Parameter(property = "agent.offlineScripts", defaultValue = "${project.basedir}/scripts")
    private File offlineScripts;

    /** Run id; an existing id resumes that run. Default: the start time. */
    @Parameter(property = "agent.runId")
    private String runId;

    /** Scales every task's agent and test timeouts. */
    @Parameter(property = "agent.timeoutMultiplier", defaultValue = "1.0")
    private double timeoutMultiplier;

    /** Retries of a trial after infrastructure errors. */
    @Parameter(property = "agent.infraRetries", defaultValue = "2")
    private int infraRetries;

    /** Image for tasks without an environment of their own. */
    @Parameter(property = "agent.baseImage", defaultValue = "agentic/base:bookworm")
    private String baseImage;

    /** Which of the suite's task sets to run: {@code core}, or {@code expansion} to re-measure a candidate before promotion. */
    @Parameter(property = "agent.taskSet", defaultValue = "core")
    protected String taskSet;

    /**
     * Adaptive trials: after {@code trials}, add trials only to tasks whose comparison with the parent's
     * latest results is still uncertain, until a sequential test decides or {@code trialBudget} is spent.
     */
    @Parameter(property = "agent.adaptive", defaultValue = "false")
    protected boolean adaptive;

    /** Trials that adaptive rounds may add in all. */
    @Parameter(property = "agent.trialBudget", defaultValue = "50")
    protected int trialBudget;

    /**
     * How long a run waits for a Docker engine it lost (e.g. {@code 3m}, {@code 180s} or ISO {@code PT3M})
     * before it stops; unset: the runtime's default of 3 minutes.
     */
    @Parameter(property = "agent.engineWait")
    private String engineWait;

    /**
     * The share (0 to 1) of trials that may be infrastructure failures or task errors before the run
     * fails; unset: the runtime's default of 0.2. A run where nothing was graded always fails.
     */
    @Parameter(property = "agent.maxUngradedShare")
    private String maxUngradedShare;

    /**
     * The run's cost cap in USD: once its finished trials cost this much, no new trial starts and the run
     * stops (resumable with a higher cap); unset: none. Needs the model's price (built in, or {@code agent.prices}).
     */
    @Parameter(property = "agent.maxRunCost")
    private String maxRunCost;

    /** A price table extending the built-in one: lines {@code <model> = <USD per Mtok in>, <USD per Mtok out>}. */
    @Parameter(property = "agent.prices")
    private File prices;

    /** Options for the bench JVM, e.g. {@code -Xmx2g}. */
    @Parameter(property = "agent.jvmArgs")
    private String jvmArgs;

    /** The runtime's exit code when the run's cost cap stopped it (resumable with a higher cap). */
    private static final int COST_CAP = 7;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** Runs the bench of {@code declared} with its effective settings in a child JVM. */
    protected void runBench(Variant declared, Lineage lineage) throws MojoExecutionException {
        Map<String, String> settings = attempt(() -> lineage.effectiveSettings(declared.id()));
        String chosenModel = chooseModel(settings);
        settings.put("model", chosenModel);
        try {
            AgentConfig.defaults(ModelSpec.parse(chosenModel)).with(settings);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(declared.source() + ": " + e.getMessage());
        }
        String suiteArgument = Suites.argument(suite, project);
        checkRunOptions();
        getLog().info("agent:bench " + declared.id() + (declared.parent() == null ? "" : " (child of " + declared.parent() + ")")
                + (declared.settings().isEmpty() ? "" : ", changes " + declared.settings()));
        getLog().info("model " + chosenModel + modelHint(chosenModel));
        List<String> args = arguments(declared, settings, suiteArgument);
        try {
            List<String> jvm = jvmArgs == null || jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+"));
            ForkedRuntime.Result result = ForkedRuntime.run(jvm, classpath(plugin), args, line -> getLog().info(line));
            if (result.exitCode() == COST_CAP) { // the runtime's last line says what was spent and how to resume
                throw new MojoExecutionException("the bench of " + declared.id() + " stopped at its cost cap: "
                        + result.tail().stream().filter(l -> l.contains("cost cap ")).reduce((a, b) -> b).orElse("(no message)")
                        .replaceFirst("^agentx: ", ""));
            }
            if (result.exitCode() != 0) {
                throw new MojoExecutionException("the bench of " + declared.id() + " failed (exit code " + result.exitCode() + "):\n  "
                        + String.join("\n  ", result.tail()));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("could not start the bench JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted; rerun with -Dagent.runId=<the run id> to resume", e);
        }
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
        attempt(() -> {
            new ResolvedVariant(declared.id(), declared.parent(), declared.hypothesis(), settings, declared.source()).write(resolved.toPath());
            return resolved;
        });
        List<String> args = new ArrayList<>(List.of("bench", "--resolved", resolved.getAbsolutePath(), "--suite", suiteArgument,
                "--trials", Integer.toString(trials), "--concurrency", Integer.toString(concurrency),
                "--results", new File(resultsDirectory, declared.id() + "/results").getAbsolutePath(),
                "--timeout-multiplier", Double.toString(timeoutMultiplier), "--infra-retries", Integer.toString(infraRetries),
                "--image", baseImage, "--task-set", taskSet));
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

    static List<File> classpath(PluginDescriptor plugin) {
        List<File> files = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() != null) {
                files.add(artifact.getFile());
            }
        }
        return files;
    }

    private static List<String> globs(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

}
