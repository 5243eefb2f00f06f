package dev.agentic.cli;

import dev.agentic.agent.Settings;
import dev.agentic.bench.BenchRunner;
import dev.agentic.bench.BenchSpec;
import dev.agentic.bench.RunFailure;
import dev.agentic.bench.RunInfo;
import dev.agentic.bench.RunResults;
import dev.agentic.bench.SummaryTable;
import dev.agentic.task.TaskSet;
import dev.agentic.trial.TrialResult;
import dev.agentic.lineage.ExpansionGate;
import dev.agentic.lineage.ResolvedVariant;
import dev.agentic.model.Models;
import dev.agentic.sandbox.SandboxSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentx bench}: a variant on a suite, trials × tasks, into a results folder. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a variant of the agent on every task of a suite, K trials each, in containers, and store the results",
            "(run.json, trials.jsonl, trajectories/, summary.json, junit.xml) under <results>/<run-id>/.",
            "Rerunning with the same --run-id resumes: finished trials are kept. A suite's stages run in order, and the run stops at a",
            "stage whose pass rate is below its threshold; on a staged suite the expansion set follows only when the variant is BETTER",
            "than --parent-results. --max-run-cost stops the run once its trials cost that much. The Maven goal agent:bench runs this command."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "<manifest>", description = "suite manifest (YAML), or the id of a fetched suite")
    String suite;

    @Option(names = "--resolved", paramLabel = "<file>", description = "the variant with its settings resolved (JSON, as the Maven goal"
            + " agent:bench writes it under target/): its id, parent, hypothesis and every setting; instead of --variant, --parent,"
            + " --hypothesis, --config and --set")
    Path resolved;

    @Option(names = "--variant", paramLabel = "<id>", description = "the variant's id (names the results); required without --resolved")
    String variant;

    @Option(names = "--parent", paramLabel = "<id>", description = "the variant's parent, recorded in run.json")
    String parent;

    @Option(names = "--hypothesis", paramLabel = "<text>", description = "what the variant is meant to show, recorded in run.json")
    String hypothesis;

    @Option(names = "--config", paramLabel = "<file>", description = "YAML file of agent settings (memory: window:10, ...; the keys:"
            + " docs/agent.md)")
    Path config;

    @Option(names = "--set", paramLabel = "<key=value>", description = "an agent setting, e.g. --set model=openai:gpt-4o-mini (repeatable;"
            + " after --config)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--trials", paramLabel = "<K>", description = "trials per task (default: ${DEFAULT-VALUE})")
    int trials = 1;

    @Option(names = "--concurrency", paramLabel = "<N>", description = "trials at once (default: ${DEFAULT-VALUE})")
    int concurrency = 2;

    @Option(names = "--results", required = true, paramLabel = "<folder>", description = "results folder of the variant")
    Path results;

    @Option(names = "--run-id", paramLabel = "<id>", description = "run id (default: the start time); an existing id resumes that run")
    String runId;

    @Option(names = "--tasks", paramLabel = "<glob>", description = "only task ids matching (repeatable)")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<glob>", description = "leave out task ids matching (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--timeout-multiplier", paramLabel = "<x>", description = "scales every task's timeouts (default: ${DEFAULT-VALUE})")
    double timeoutMultiplier = 1.0;

    @Option(names = "--infra-retries", paramLabel = "<N>", description = "retries after infrastructure errors (default: ${DEFAULT-VALUE})")
    int infraRetries = 2;

    @Option(names = "--image", paramLabel = "<image>", description = "image for tasks without an environment (default: ${DEFAULT-VALUE})")
    String baseImage = SandboxSpec.BASE_IMAGE;

    @Option(names = "--task-set", paramLabel = "<set>", converter = TaskSets.class, description = "core (the suite's tasks) or expansion (its expansion set; default: ${DEFAULT-VALUE})")
    TaskSet taskSet = TaskSet.CORE;

    @Option(names = "--adaptive-parent", paramLabel = "<folder>", description = "the parent's results folder: after --trials, add trials"
            + " only where the comparison with the parent is uncertain, until a sequential test decides or --trial-budget is spent")
    Path adaptiveParent;

    @Option(names = "--trial-budget", paramLabel = "<N>", description = "trials adaptive rounds may add in all (default: ${DEFAULT-VALUE})")
    int trialBudget = 50;

    @Option(names = "--allow-internet-tasks", description = "run tasks that set [environment].allow_internet = true although"
            + " containers have no network (by default they are refused)")
    boolean allowInternetTasks;

    @Option(names = "--engine-wait", paramLabel = "<duration>", description = "how long to wait for a lost Docker engine before the run"
            + " stops, resumable (90s, 5m, PT3M; default: 3m)")
    String engineWait = "3m";

    @Option(names = "--max-ungraded-share", paramLabel = "<fraction>", description = "the share of trials that may end as infrastructure"
            + " failures or task errors before the run fails; a run where nothing was graded always fails (default: ${DEFAULT-VALUE})")
    double maxUngradedShare = BenchSpec.MAX_UNGRADED_SHARE;

    @Option(names = "--max-run-cost", paramLabel = "<usd>", description = "the run's cost cap in USD: once its finished trials cost this"
            + " much, no new trial starts and the run stops, resumable with a higher cap; needs the model's price (default: 0, none)")
    double maxRunCost;

    @Option(names = "--prices", paramLabel = "<file>", description = "extra model prices: lines '<model> = <USD per Mtok in>, <USD per Mtok out>'")
    Path prices;

    @Option(names = "--parent-results", paramLabel = "<folder>", description = "the parent's results folder: the estimate uses its measured"
            + " tokens, and on a staged suite the expansion set runs after the core only when this variant is BETTER than it")
    Path parentResults;

    @Option(names = "--stop-with", paramLabel = "<pid>", defaultValue = "${env:AGENTX_STOP_WITH}", description = "stop (as on Ctrl-C)"
            + " when the process <pid> ends (default: $AGENTX_STOP_WITH, which the Maven goal sets to its own pid)")
    Long stopWith;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String id = runId != null ? runId : LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        java.time.Duration wait;
        try {
            wait = dev.agentic.agent.AgentConfig.duration(engineWait);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--engine-wait '" + engineWait + "': " + e.getMessage());
        }
        if (!(maxRunCost >= 0) || Double.isInfinite(maxRunCost)) {
            throw new IllegalArgumentException("--max-run-cost " + maxRunCost + ": expected a number of USD, 0 or more (0: no cap)");
        }
        if (prices != null) {
            Inputs.file("--prices", prices);
        }
        ResolvedVariant measured = variant();
        BenchSpec bench = new BenchSpec(id, measured.variant(), measured.parent(), measured.hypothesis(), measured.settings(),
                dev.agentic.fetch.TaskCache.current().locate(suite), include, exclude, trials, concurrency,
                timeoutMultiplier, infraRetries, results, baseImage, taskSet, adaptiveParent, trialBudget, allowInternetTasks, wait,
                maxUngradedShare, maxRunCost, prices, parentResults);
        if (stopWith != null) {
            ParentWatch.stopWhenGone(stopWith, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        }
        BenchRunner runner = new BenchRunner(Models.fromEnvironment(), dev.agentic.sandbox.Places.chosen());
        BenchRunner.Listener listener = listener(out);
        try {
            BenchRunner.Outcome outcome = runner.run(bench, listener);
            out.print(SummaryTable.render(outcome.summary(), outcome.directory()));
            out.flush();
            RunInfo.Expansion expansion = expansion(bench, outcome);
            if (expansion != null) {
                runner.recordExpansion(bench, expansion, listener);
                listener.info(expansion.reason());
                if (expansion.ran()) {
                    BenchRunner.Outcome more = runner.run(bench.expansion(remainingCap(bench, outcome)), listener);
                    out.print(SummaryTable.render(more.summary(), more.directory()));
                    out.flush();
                }
            }
        } catch (RunFailure failure) {
            synchronized (out) {
                out.flush();
            }
            if (failure.reason() != RunFailure.Cause.INTERRUPTED) { // an interruption was announced as it happened
                spec.commandLine().getErr().println("agentx: " + failure.getMessage());
            }
            return failure.reason().exitCode();
        }
        return 0;
    }

    /** The variant to run: the file given with --resolved, or --variant with its settings from --config and --set. */
    private ResolvedVariant variant() {
        picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (resolved != null) {
            List<String> clashing = java.util.stream.Stream.of("--variant", "--parent", "--hypothesis", "--config", "--set")
                    .filter(given::hasMatchedOption).toList();
            if (!clashing.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--resolved " + resolved + " gives the variant and"
                        + " its settings; leave out " + String.join(", ", clashing));
            }
            return ResolvedVariant.read(Inputs.file("--resolved", resolved));
        }
        if (variant == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--variant=<id>'"
                    + " (or --resolved <file>)");
        }
        Map<String, String> all = new LinkedHashMap<>(config == null ? Map.of() : Settings.read(Inputs.file("--config", config)));
        all.putAll(Settings.fromOption("--set", settings));
        return new ResolvedVariant(variant, parent, hypothesis, all, "--variant " + variant);
    }

    /**
     * Whether a finished core run of a staged suite with an expansion set goes on to it (only when the variant
     * is BETTER than its parent, and the cost cap leaves something to spend); null when the question does not arise.
     */
    private static RunInfo.Expansion expansion(BenchSpec bench, BenchRunner.Outcome outcome) {
        if (bench.taskSet() != TaskSet.CORE || !outcome.suite().staged() || outcome.suite().expansion().isEmpty()) {
            return null;
        }
        RunInfo.Expansion decision = ExpansionGate.decide(new RunResults(outcome.directory(), outcome.run(), outcome.trials()),
                bench.parentId(), bench.parentResults(), bench.expansionRunId());
        if (decision.ran() && bench.maxRunCostUsd() > 0 && remainingCap(bench, outcome) <= 0) {
            return new RunInfo.Expansion(false, decision.parent(), decision.parentRun(), decision.verdict(), null, String.format(Locale.ROOT,
                    "expansion not run: verdict vs %s is %s, but the core run spent the cost cap ($%.2f of $%.2f); resume with a higher"
                            + " --max-run-cost", decision.parent(), decision.verdict(), spent(outcome), bench.maxRunCostUsd()));
        }
        return decision;
    }

    /** What the cost cap leaves for the expansion set after the core run (0 when there is no cap). */
    private static double remainingCap(BenchSpec bench, BenchRunner.Outcome outcome) {
        return bench.maxRunCostUsd() <= 0 ? 0 : bench.maxRunCostUsd() - spent(outcome);
    }

    private static double spent(BenchRunner.Outcome outcome) {
        return outcome.trials().stream().mapToDouble(t -> t.spend().costUsd()).sum();
    }

    private static BenchRunner.Listener listener(PrintWriter out) {
        return new BenchRunner.Listener() {
            @Override
            public void info(String line) {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }

            @Override
            public void trialFinished(TrialResult r, BenchRunner.Progress p) {
                synchronized (out) {
                    out.printf(Locale.ROOT, "[%d/%d] %-34s trial %d  %-14s %-22s %5.1f s · resolved so far %d · ETA %s%n",
                            p.done(), p.total(), r.task(), r.trial(), r.resolved() ? "resolved" : r.score().outcome().name().toLowerCase(Locale.ROOT),
                            r.score().failureLabel(), r.timing().totalMs() / 1000.0, p.resolved(), eta(p.remaining()));
                    if (r.infrastructureFailure() || r.taskError()) {
                        out.println("        " + String.valueOf(r.tries().error()).lines().findFirst().orElse(""));
                    }
                    out.flush();
                }
            }
        };
    }

    private static String eta(Duration remaining) {
        long s = remaining.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    /** {@code --task-set core} or {@code expansion}. */
    static final class TaskSets implements picocli.CommandLine.ITypeConverter<TaskSet> {
        @Override
        public TaskSet convert(String text) {
            try {
                return TaskSet.of(text);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
