package dev.agentic.cli;

import dev.agentic.bench.BenchRunner;
import dev.agentic.bench.BenchSpec;
import dev.agentic.bench.RunFailure;
import dev.agentic.bench.SummaryTable;
import dev.agentic.bench.TrialResult;
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
            "Rerunning with the same --run-id resumes: finished trials are kept. The Maven goal agent:bench runs this command."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", required = true, paramLabel = "<manifest>", description = "suite manifest (YAML), or the id of a fetched suite")
    String suite;

    @Option(names = "--variant", required = true, paramLabel = "<id>", description = "the variant's id (names the results)")
    String variant;

    @Option(names = "--parent", paramLabel = "<id>", description = "the variant's parent, recorded in run.json")
    String parent;

    @Option(names = "--hypothesis", paramLabel = "<text>", description = "what the variant is meant to show, recorded in run.json")
    String hypothesis = "";

    @Option(names = "--set", paramLabel = "<key=value>", description = "an agent setting, e.g. --set model=openai:gpt-4o-mini (repeatable)")
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

    @Option(names = "--task-set", paramLabel = "<set>", description = "core (the suite's tasks) or expansion (its expansion set; default: ${DEFAULT-VALUE})")
    String taskSet = BenchSpec.CORE;

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
        BenchSpec bench = new BenchSpec(id, variant, parent, hypothesis, settings, dev.agentic.fetch.TaskCache.current().locate(suite), include, exclude, trials, concurrency,
                timeoutMultiplier, infraRetries, results, baseImage, taskSet, adaptiveParent, trialBudget, allowInternetTasks, wait,
                maxUngradedShare);
        if (stopWith != null) {
            ParentWatch.stopWhenGone(stopWith, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        }
        BenchRunner.Outcome outcome;
        try {
            outcome = run(bench, out);
        } catch (RunFailure failure) {
            synchronized (out) {
                out.flush();
            }
            if (failure.reason() != RunFailure.Cause.INTERRUPTED) { // an interruption was announced as it happened
                spec.commandLine().getErr().println("agentx: " + failure.getMessage());
            }
            return failure.reason().exitCode();
        }
        out.print(SummaryTable.render(outcome.summary(), outcome.directory()));
        out.flush();
        return 0;
    }

    private static BenchRunner.Outcome run(BenchSpec bench, PrintWriter out) {
        return new BenchRunner(Models.fromEnvironment()).run(bench, new BenchRunner.Listener() {
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
                            p.done(), p.total(), r.task(), r.trial(), r.resolved() ? "resolved" : r.outcome().toLowerCase(Locale.ROOT),
                            r.failureLabel(), r.totalMs() / 1000.0, p.resolved(), eta(p.remaining()));
                    if (r.infrastructureFailure() || r.taskError()) {
                        out.println("        " + String.valueOf(r.infraError()).lines().findFirst().orElse(""));
                    }
                    out.flush();
                }
            }
        });
    }

    private static String eta(Duration remaining) {
        long s = remaining.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
