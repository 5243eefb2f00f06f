package dev.agentic.maven;

import dev.agentic.lineage.Variant;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Runs a variant of the agent on its suite, in containers, and stores the results under
 * {@code <resultsDirectory>/<variant>/results/<run-id>/}. The variant is the {@code <variant>} of
 * the active profile; it inherits every setting of its parent's declared variant. Modules without
 * a variant are skipped. The run happens in a child JVM (see {@code docs/containers.md}).
 */
@Mojo(name = "bench", requiresProject = true, threadSafe = true)
public class BenchMojo extends AbstractVariantMojo {

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

    /**
     * Where trials run: {@code docker} (the local engine, the default) or {@code local} (host processes, not isolated:
     * development only).
     */
    @Parameter(property = "agent.sandbox")
    private String sandbox;

    /** The engines of {@code docker-pool}: a YAML file of engine addresses, each with its concurrency (and TLS folder). */
    @Parameter(property = "agent.engines")
    private File engines;

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
    private String taskSet;

    /**
     * Adaptive trials: after {@code trials}, add trials only to tasks whose comparison with the parent's
     * latest results is still uncertain, until a sequential test decides or {@code trialBudget} is spent.
     */
    @Parameter(property = "agent.adaptive", defaultValue = "false")
    private boolean adaptive;

    /** Trials that adaptive rounds may add in all. */
    @Parameter(property = "agent.trialBudget", defaultValue = "50")
    private int trialBudget;

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

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("agent.skip is set: not running the bench");
            return;
        }
        Xpp3Dom dom = variantDom();
        if (dom == null) {
            getLog().debug("no <variant> in " + project.getArtifactId() + ": nothing to bench");
            return;
        }
        Variant declared = declared(dom);
        if (VariantXml.documentationOnly(dom)) {
            getLog().info(declared.id() + " is documentation only (see " + new File(resultsDirectory, declared.id() + "/README.md")
                    + "): nothing to run");
            return;
        }
        launcher().runBench(declared, lineage(declared));
    }

    BenchLauncher launcher() {
        return new BenchLauncher(parameters(), resultsDirectory, project, plugin, getLog());
    }

    /** This goal's parameters, as the launcher takes them. */
    BenchParameters parameters() {
        return new BenchParameters(suite, cache, network, sandbox, engines, trials, concurrency, tasks, exclude, allowInternetTasks, model, offlineScripts,
                runId, timeoutMultiplier, infraRetries, baseImage, taskSet, adaptive, trialBudget, engineWait, maxUngradedShare, maxRunCost,
                prices, jvmArgs);
    }
}
