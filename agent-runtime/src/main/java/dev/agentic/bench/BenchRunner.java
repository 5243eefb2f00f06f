package dev.agentic.bench;

import dev.agentic.task.TaskSet;
import dev.agentic.trial.TrialResult;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.PathForm;
import dev.agentic.agent.Settings;
import dev.agentic.model.ModelOptions;
import dev.agentic.model.ModelSpec;
import dev.agentic.model.Models;
import dev.agentic.model.PriceTable;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Places;
import dev.agentic.trial.Grading;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.stats.SequentialTest;
import dev.agentic.suite.Stage;
import dev.agentic.suite.Suite;
import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs a variant on a suite: every task {@code trials} times, {@code concurrency} at a time, into a
 * results folder. Rerunning the same run id resumes: finished trials are kept, unfinished ones
 * are run again; a run id whose configuration or suite changed is refused.
 */
public final class BenchRunner {

    /** Hears about a run as it goes. */
    public interface Listener {
        void info(String line);

        void trialFinished(TrialResult result, Progress progress);
    }

    /** How far a run is. */
    public record Progress(int done, int total, int resolved, int infrastructureFailures, Duration elapsed, Duration remaining) {}

    /** What a finished run left; {@code suite} is the suite it ran (filtered as the spec says). */
    public record Outcome(Path directory, RunInfo run, Summary summary, List<TrialResult> trials, Suite suite) {}

    /** How long a run waits at its start for an engine that does not answer: long enough for a restart, short for a wrong address. */
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(30);

    /** Makes the trial pipeline of a run at its place (tests give one of their own). */
    @FunctionalInterface
    public interface Pipelines {
        TrialPipeline create(Place place, BenchSpec spec, Suite suite);

        /** Trials graded by each task's own benchmark, its tests' timeouts scaled as the spec says. */
        Pipelines BENCHMARK = (place, spec, suite) -> TrialPipeline.at(place,
                Grading.benchmark(place, spec.timeoutMultiplier(), suite.liveProcesses()));
    }

    private final Models models;
    private final java.util.function.Function<BenchSpec, Place> places;
    private final Pipelines pipelines;

    /** Runs on the local Docker engine. */
    public BenchRunner(Models models) {
        this(models, "docker");
    }

    /** Runs at the place called {@code sandbox} ({@link Places#named}). */
    public BenchRunner(Models models, String sandbox) {
        this(models, spec -> Places.named(sandbox, Places.settings(spec.engineWait())), Pipelines.BENCHMARK);
    }

    /** Runs at the place {@code places} gives for a spec, with the pipeline {@code pipelines} makes there. */
    public BenchRunner(Models models, java.util.function.Function<BenchSpec, Place> places, Pipelines pipelines) {
        this.models = models;
        this.places = places;
        this.pipelines = pipelines;
    }

    /**
     * Runs {@code spec}: the suite's stages in order (the core set of a suite without stages is one
     * stage), each stage's trials all finished before the next starts; a stage whose pass rate is below
     * its threshold ends the run there, as a finished run. Stops early with a {@link RunFailure}
     * (finished trials kept, the run resumable) when another process writes the run, when the Docker
     * engine is lost for longer than the spec allows, when the process is told to stop, or when the
     * finished trials reach the run's cost cap (the trials running then finish and are kept); ends with
     * one when too few trials were graded for the run to mean anything (its results are written,
     * {@code LATEST} is not moved).
     */
    public Outcome run(BenchSpec spec, Listener listener) {
        Suite suite = Suite.load(spec.suite(), spec.baseImage()).filter(spec.include(), spec.exclude());
        suite.warnings().forEach(listener::info);
        List<Task> tasks = spec.taskSet() == TaskSet.EXPANSION ? suite.expansion() : suite.tasks();
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("suite " + spec.suite() + ": no task of its " + spec.taskSet() + " set matches "
                    + spec.include() + " (excluding " + spec.exclude() + ")");
        }
        Suite.refuseInternetTasks(tasks, spec.allowInternetTasks() || !dev.agentic.sandbox.ContainerNetwork.offline());
        AgentConfig config = configure(spec).withPaths(PathForm.repositoryOf(spec.resultsDirectory()));
        PriceTable prices = spec.prices() == null ? PriceTable.builtIn() : PriceTable.builtIn().extendedWith(spec.prices());
        refuseUnpricedCap(spec, config, prices);
        checkModel(config, tasks, spec);
        try (Place place = places.apply(spec)) {
            // perhaps restarting: wait a little, then say which engine does not answer
            place.open(spec.engineWait().compareTo(STARTUP_PATIENCE) < 0 ? spec.engineWait() : STARTUP_PATIENCE, listener::info);
            return run(spec, listener, suite, tasks, config, prices, place);
        }
    }

    private Outcome run(BenchSpec spec, Listener listener, Suite suite, List<Task> tasks, AgentConfig config, PriceTable prices,
                        Place place) {
        ResultsStore store = ResultsStore.at(spec.runDirectory());
        try (RunLock lock = RunLock.acquire(store.directory(), spec.runId(), listener::info)) {
            String torn = store.setAsideTornLine();
            if (torn != null) {
                listener.info("warning: " + torn);
            }
            RunInfo described = describe(spec, config, suite, tasks.size(), place);
            List<TrialResult> kept = resume(store, described, spec);
            RunEstimate estimate = estimate(spec, config, prices, tasks);
            estimate.lines().forEach(listener::info);
            RunInfo run = described.withEstimate(estimate);
            store.write(run);
            return execute(spec, listener, suite, tasks, config, store, run, kept, place, lock);
        }
    }

    private Outcome execute(BenchSpec spec, Listener listener, Suite suite, List<Task> tasks, AgentConfig config, ResultsStore store,
                            RunInfo run, List<TrialResult> kept, Place place, RunLock lock) {
        int orphans = place.removeOrphans();
        if (orphans > 0) {
            listener.info("removed " + orphans + " container(s) left by an earlier, interrupted run");
        }
        List<TrialResult> all = new ArrayList<>(kept);
        int total = tasks.size() * spec.trials();
        Stop stop = new Stop(spec, store, all, total, listener, lock);
        CostCap cap = new CostCap(spec.maxRunCostUsd(), kept.stream().mapToDouble(t -> t.spend().costUsd()).sum());
        boolean core = spec.taskSet() == TaskSet.CORE;
        boolean staged = core && suite.staged();
        List<Stage> stages = core ? suite.stages() : List.of(Stage.implicit(tasks));
        List<RunInfo.StageRecord> records = new ArrayList<>();
        String stoppedAt = null;
        String stopReason = null;
        boolean capped = false;
        RunInfo.Adaptive adaptive = null;
        Runnable onShutdown = stop::onShutdown;
        DockerSandbox.beforeShutdownClose(onShutdown);
        ExecutorService pool = null;
        try {
            TrialPipeline pipeline = pipelines.create(place, spec, suite)
                    .withLabels(Map.of("dev.agentic.run", spec.runId()));
            prepareImages(pipeline, tasks, listener);
            Set<String> finished = kept.stream().map(TrialResult::key).collect(Collectors.toSet());
            int pendingInAll = (int) tasks.stream().flatMap(t -> java.util.stream.IntStream.rangeClosed(1, spec.trials())
                    .mapToObj(k -> t.id() + "." + k)).filter(k -> !finished.contains(k)).count();
            listener.info(String.format("run %s: %d task%s × %d trial%s = %d; %d already finished, %d to run, %d at a time",
                    spec.runId(), tasks.size(), tasks.size() == 1 ? "" : "s", spec.trials(), spec.trials() == 1 ? "" : "s",
                    total, kept.size(), pendingInAll, spec.concurrency()));
            if (cap.limited()) {
                listener.info(String.format(Locale.ROOT, "cost cap %s for the run; the %d finished trial%s cost %s", RunEstimate.usd(cap.max()),
                        kept.size(), kept.size() == 1 ? "" : "s", RunEstimate.usd(cap.spent())));
            }
            TrialRunner runner = new TrialRunner(spec, config, models, pipeline, store, listener::info);
            AtomicInteger resolved = new AtomicInteger((int) kept.stream().filter(TrialResult::resolved).count());
            AtomicInteger infra = new AtomicInteger((int) kept.stream().filter(TrialResult::infrastructureFailure).count());
            long start = System.nanoTime();
            AtomicInteger ranHere = new AtomicInteger();
            Map<String, Task> byId = tasks.stream().collect(Collectors.toMap(Task::id, t -> t));
            for (int s = 0; s < stages.size(); s++) {
                Stage stage = stages.get(s);
                List<Task> pendingTasks = new ArrayList<>();
                List<Integer> pendingTrials = new ArrayList<>();
                for (int trial = 1; trial <= spec.trials(); trial++) {
                    for (String id : stage.tasks()) {
                        if (!finished.contains(id + "." + trial)) {
                            pendingTasks.add(byId.get(id));
                            pendingTrials.add(trial);
                        }
                    }
                }
                if (!pendingTasks.isEmpty() && cap.reached()) {
                    capped = true;
                    records.add(stageRecord(stage, all, spec.trials(), StageOutcome.UNFINISHED));
                    stages.subList(s + 1, stages.size()).forEach(later -> records.add(stageRecord(later, all, spec.trials(), StageOutcome.NOT_REACHED)));
                    break;
                }
                if (staged) {
                    listener.info(String.format(Locale.ROOT, "stage %s (%d of %d): %d task%s × %d trial%s, %d to run; it needs a pass rate of"
                                    + " at least %s to go on", stage.name(), s + 1, stages.size(), stage.tasks().size(),
                            stage.tasks().size() == 1 ? "" : "s", spec.trials(), spec.trials() == 1 ? "" : "s", pendingTasks.size(),
                            percent(stage.minPassRate())));
                }
                pool = Executors.newFixedThreadPool(spec.concurrency());
                stop.pool = pool;
                for (int i = 0; i < pendingTasks.size(); i++) {
                    Task task = pendingTasks.get(i);
                    int trial = pendingTrials.get(i);
                    pool.execute(() -> {
                        if (stop.stopped() || cap.reached()) {
                            return; // stopping, or the cost cap is reached: no new trial starts
                        }
                        try {
                            TrialResult result = runner.run(task, trial);
                            int n;
                            boolean capNow;
                            synchronized (all) {
                                if (!store.append(result)) {
                                    return; // the run is being stopped: this trial is abandoned
                                }
                                all.add(result);
                                n = all.size();
                                capNow = cap.add(result.spend().costUsd());
                            }
                            int here = ranHere.incrementAndGet();
                            if (result.resolved()) {
                                resolved.incrementAndGet();
                            }
                            if (result.infrastructureFailure()) {
                                infra.incrementAndGet();
                            }
                            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                            Duration remaining = elapsed.multipliedBy(total - n).dividedBy(Math.max(1, here));
                            listener.trialFinished(result, new Progress(n, total, resolved.get(), infra.get(), elapsed, remaining));
                            if (capNow) {
                                listener.info(String.format(Locale.ROOT, "cost cap %s reached: %d finished trials cost %s; no new trial"
                                        + " starts, the trials running finish and are kept", RunEstimate.usd(cap.max()), n,
                                        RunEstimate.usd(cap.spent())));
                            }
                        } catch (RunFailure failure) {
                            stop.fail(failure.reason(), failure.getMessage());
                        } catch (RuntimeException | Error e) {
                            stop.fail(RunFailure.Cause.HARNESS, "stopped because the harness failed: " + describe(e));
                        }
                    });
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // trials go on; a stop (Ctrl-C, a lost engine) ends the pool's work early
                }
                stop.throwIfStopped();
                synchronized (all) {
                    all.forEach(t -> finished.add(t.key()));
                }
                boolean complete = stage.tasks().stream().allMatch(id -> java.util.stream.IntStream.rangeClosed(1, spec.trials())
                        .allMatch(k -> finished.contains(id + "." + k)));
                if (!complete) { // only the cost cap leaves trials of a stage unrun
                    capped = true;
                    records.add(stageRecord(stage, all, spec.trials(), StageOutcome.UNFINISHED));
                    stages.subList(s + 1, stages.size()).forEach(later -> records.add(stageRecord(later, all, spec.trials(), StageOutcome.NOT_REACHED)));
                    break;
                }
                RunInfo.StageRecord done = stageRecord(stage, all, spec.trials(), StageOutcome.CLEARED);
                if (done.passRate() < stage.minPassRate()) {
                    records.add(stageRecord(stage, all, spec.trials(), StageOutcome.STOPPED));
                    stages.subList(s + 1, stages.size()).forEach(later -> records.add(stageRecord(later, all, spec.trials(), StageOutcome.NOT_REACHED)));
                    stoppedAt = stage.name();
                    stopReason = String.format(Locale.ROOT, "stage %s: %s passed (%s), below its threshold %s: the variant stops here",
                            stage.name(), passedText(done), percent(done.passRate()), percent(stage.minPassRate()));
                    listener.info(stopReason);
                    break;
                }
                records.add(done);
                if (staged) {
                    listener.info(String.format(Locale.ROOT, "stage %s: %s passed (%s), at least its threshold %s: %s", stage.name(),
                            passedText(done), percent(done.passRate()), percent(stage.minPassRate()),
                            s + 1 < stages.size() ? "on to stage " + stages.get(s + 1).name() : "every stage cleared"));
                }
            }
            if (spec.adaptiveParent() != null && stoppedAt == null && !capped) {
                Adapted adapted = adapt(spec, tasks, runner, store, all, listener, cap);
                capped = adapted.capped();
                adaptive = adapted.record();
                stop.throwIfStopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.fail(RunFailure.Cause.INTERRUPTED, "interrupted");
            stop.throwIfStopped();
        } catch (RunFailure failure) {
            stop.fail(failure.reason(), failure.getMessage());
            stop.throwIfStopped();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            DockerSandbox.cancelBeforeShutdownClose(onShutdown);
        }
        removeLeftovers(place, listener);
        List<Place.EngineUse> engines = place.usage();
        store.writeEngines(engines);
        if (engines.size() > 1 || engines.stream().anyMatch(e -> e.lost() > 0)) {
            engines.forEach(e -> listener.info(String.format(Locale.ROOT, "%s %s: %d sandbox%s started, %d attempt%s lost%s", place.name(),
                    e.engine(), e.started(), e.started() == 1 ? "" : "es", e.lost(), e.lost() == 1 ? "" : "s", e.drained() ? ", drained" : "")));
        }
        List<TrialResult> ordered = all.stream()
                .sorted(java.util.Comparator.comparing(TrialResult::task).thenComparingInt(TrialResult::trial)).toList();
        RunHealth health = RunHealth.of(ordered, spec.maxUngradedShare());
        RunInfo staging = (staged ? run.withStages(List.copyOf(records), stoppedAt, stopReason) : run).withAdaptive(adaptive);
        RunInfo withCap = cap.limited() ? staging.withCostCap(new RunInfo.CostCap(cap.max(), cap.spent(), capped, ordered.size(), total))
                : staging;
        RunInfo ended = withCap.finished(Instant.now().toString(), capped ? RunStatus.CAPPED : health.healthy() ? RunStatus.FINISHED : RunStatus.UNHEALTHY);
        store.write(ended);
        Summary summary = Summaries.of(ended, ordered);
        store.writeSummary(summary);
        store.writeJUnit(JUnitReport.of(ended, ordered));
        if (capped) {
            throw new RunFailure(RunFailure.Cause.COST_CAP, String.format(Locale.ROOT, "cost cap %s reached after %d of %d trials (%s);"
                    + " the run stops here; resume it with a higher cap: agentx bench --variant %s --run-id %s --max-run-cost <usd>;"
                    + " its results so far are in %s", RunEstimate.usd(cap.max()), ordered.size(), total, RunEstimate.usd(cap.spent()),
                    spec.variantId(), spec.runId(), store.directory()));
        }
        if (!health.healthy()) {
            throw new RunFailure(RunFailure.Cause.UNHEALTHY, "run " + spec.runId() + " measured nothing reliable: " + health.problem()
                    + "; its results are in " + store.directory() + " and LATEST was not moved");
        }
        ResultsStore.replace(spec.resultsDirectory().resolve(RunResults.latestFile(spec.taskSet())),
                (spec.runId() + "\n").getBytes(StandardCharsets.UTF_8));
        return new Outcome(store.directory(), ended, summary, ordered, suite);
    }

    /** A stage's trials so far (its tasks, trials 1..K): finished, graded, passed, and the pass rate over graded ones. */
    private static RunInfo.StageRecord stageRecord(Stage stage, List<TrialResult> all, int trials, StageOutcome outcome) {
        Set<String> ids = Set.copyOf(stage.tasks());
        List<TrialResult> mine;
        synchronized (all) {
            mine = all.stream().filter(t -> ids.contains(t.task()) && t.trial() <= trials).toList();
        }
        int graded = (int) mine.stream().filter(TrialResult::graded).count();
        int passed = (int) mine.stream().filter(TrialResult::resolved).count();
        Double rate = outcome.ranThrough() ? Double.valueOf(graded == 0 ? 0.0 : (double) passed / graded) : null;
        return new RunInfo.StageRecord(stage.name(), stage.tasks(), mine.size(), graded, passed, rate, stage.minPassRate(), outcome);
    }

    private static String passedText(RunInfo.StageRecord stage) {
        return stage.graded() == stage.trials() ? stage.passed() + " of " + stage.trials() + " trials"
                : stage.passed() + " of " + stage.graded() + " graded trials (" + (stage.trials() - stage.graded()) + " not graded)";
    }

    /** A share as a percentage: {@code 20%}, {@code 33.3%}. */
    static String percent(double share) {
        double p = 100 * share;
        return Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** The cost of a run's finished trials against its cap ({@code max} 0: none). */
    private static final class CostCap {
        private final double max;
        private double spent;

        CostCap(double max, double spent) {
            this.max = max;
            this.spent = spent;
        }

        boolean limited() {
            return max > 0;
        }

        synchronized double max() {
            return max;
        }

        synchronized double spent() {
            return spent;
        }

        synchronized boolean reached() {
            return max > 0 && spent >= max;
        }

        /**
         * Adds a finished trial's cost (null when the model's price is unknown, which a capped run refuses to start
         * with); true when this is what reaches the cap.
         */
        synchronized boolean add(Double cost) {
            boolean before = reached();
            spent += cost == null ? 0 : cost;
            return !before && reached();
        }
    }

    /** Removes the sandboxes a lost engine kept; an engine lost at the very end is waited for first, as during the run. */
    private static void removeLeftovers(Place place, Listener listener) {
        try {
            place.removeLeftovers(listener::info);
        } catch (RuntimeException e) {
            listener.info("warning: could not look for containers this run left behind: " + describe(e));
        }
    }

    /** A throwable's message with the messages of its causes, on one line, never a stack trace. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 600; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip().lines().findFirst().orElse("");
            if (!text.toString().contains(message)) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }

    /**
     * Stopping a run: from this moment no trial is stored (whatever finishes may have lost its
     * container under it), the workers are interrupted, and one line says what is kept and how to resume.
     */
    private static final class Stop {
        private final BenchSpec spec;
        private final ResultsStore store;
        private final List<TrialResult> all;
        private final int total;
        private final Listener listener;
        private final RunLock lock;
        private volatile ExecutorService pool;
        private RunFailure failure;

        Stop(BenchSpec spec, ResultsStore store, List<TrialResult> all, int total, Listener listener, RunLock lock) {
            this.lock = lock;
            this.spec = spec;
            this.store = store;
            this.all = all;
            this.total = total;
            this.listener = listener;
        }

        /**
         * The JVM is shutting down (Ctrl-C, SIGTERM, the parent process gone): runs before the
         * containers are removed. The workers are not interrupted: what they still finish is not stored.
         */
        void onShutdown() {
            if (fail(RunFailure.Cause.INTERRUPTED, "interrupted", false)) {
                listener.info(failure.getMessage());
            }
            lock.close(); // nothing more is written: the run may be resumed at once
        }

        boolean fail(RunFailure.Cause cause, String why) {
            return fail(cause, why, true);
        }

        boolean stopped() {
            synchronized (all) {
                return failure != null;
            }
        }

        /** Stops the run for {@code why}; false when it was stopped already (the first reason counts). */
        private boolean fail(RunFailure.Cause cause, String why, boolean interruptWorkers) {
            store.seal();
            ExecutorService workers = pool;
            if (workers != null && interruptWorkers) {
                workers.shutdownNow();
            }
            synchronized (all) {
                if (failure != null) {
                    return false;
                }
                failure = new RunFailure(cause, String.format("run %s %s: %d of %d trials finished and kept in %s, the trials in flight"
                        + " abandoned; resume with the same run id (agentx bench --variant %s --run-id %s)", spec.runId(), why,
                        all.size(), total, store.directory(), spec.variantId(), spec.runId()));
                return true;
            }
        }

        void throwIfStopped() {
            synchronized (all) {
                if (failure != null) {
                    throw failure;
                }
            }
        }
    }

    /** What adaptive rounds did: whether the cost cap stopped them, and their record for {@code run.json}. */
    private record Adapted(boolean capped, RunInfo.Adaptive record) {}

    /** Adds trials, a round at a time, to the tasks whose comparison with the parent is still uncertain, until the sequential test settles. */
    private static Adapted adapt(BenchSpec spec, List<Task> tasks, TrialRunner runner, ResultsStore store, List<TrialResult> all,
                                 Listener listener, CostCap cap) {
        RunResults parent = RunResults.load(spec.adaptiveParent(), null, String.valueOf(spec.parentId()));
        SequentialTest test = SequentialTest.DEFAULT;
        Map<String, Task> byId = tasks.stream().collect(Collectors.toMap(Task::id, t -> t));
        int budget = spec.trialBudget();
        int added = 0;
        for (int round = 1; ; round++) {
            AdaptivePlan.Round state = AdaptivePlan.next(all, parent.trials(), test);
            SequentialTest.Outcome evidence = state.evidence();
            listener.info(String.format(Locale.ROOT, "adaptive round %d: %d uncertain task(s); child better on %d trial pair(s), worse on %d;"
                    + " sequential test over %d pairs: p(worse) = %.4f, p(better) = %.4f, %s; budget left %d", round,
                    state.uncertainTasks().size(), state.wins(), state.losses(), evidence.pairs(), evidence.pWorse(), evidence.pBetter(),
                    evidence.decision(), budget));
            String why = evidence.settled() ? "the sequential test is settled: " + evidence.decision()
                    : state.uncertainTasks().isEmpty() ? "no task is uncertain" : budget <= 0 ? "the trial budget is spent" : null;
            if (why != null) {
                listener.info("adaptive trials stop: " + why);
                return new Adapted(false, adaptive(parent, test, spec, added, why));
            }
            for (String task : state.uncertainTasks()) {
                if (cap.reached()) {
                    listener.info("adaptive trials stop: the cost cap is reached");
                    return new Adapted(true, adaptive(parent, test, spec, added, "the cost cap is reached"));
                }
                if (budget <= 0 || !byId.containsKey(task)) {
                    continue;
                }
                budget--;
                int trial = (int) all.stream().filter(t -> t.task().equals(task)).count() + 1;
                TrialResult result = runner.run(byId.get(task), trial);
                synchronized (all) {
                    if (!store.append(result)) {
                        return new Adapted(false, adaptive(parent, test, spec, added, "the run was stopped"));
                    }
                    all.add(result);
                    cap.add(result.spend().costUsd());
                }
                added++;
                listener.info(String.format("  extra trial %s.%d: %s", task, trial, result.resolved() ? "resolved" : result.score().failureLabel()));
            }
        }
    }

    private static RunInfo.Adaptive adaptive(RunResults parent, SequentialTest test, BenchSpec spec, int added, String stop) {
        return new RunInfo.Adaptive(parent.run().runId(), test.alpha(), test.beta(), test.margin(), test.effect(), spec.trialBudget(), added, stop);
    }

    private static AgentConfig configure(BenchSpec spec) {
        String model = spec.settings().get("model");
        if (model == null) {
            throw new IllegalArgumentException("variant " + spec.variantId() + " has no model setting");
        }
        return AgentConfig.defaults(ModelSpec.parse(model)).with(spec.settings());
    }

    /** Creates the model once per task before anything runs, so that missing scripts or keys fail fast, all in one message. */
    private void checkModel(AgentConfig config, List<Task> tasks, BenchSpec spec) {
        List<String> problems = new ArrayList<>();
        for (Task task : tasks) {
            try {
                models.create(config.model(), ModelOptions.DEFAULT.withPrices(spec.prices()), task.id());
            } catch (IllegalArgumentException | IllegalStateException e) {
                problems.add(task.id() + ": " + e.getMessage());
            }
        }
        Set<String> distinct = problems.stream().map(p -> p.substring(p.indexOf(": ") + 2)).collect(Collectors.toSet());
        if (distinct.size() == 1 && problems.size() == tasks.size() && tasks.size() > 1) {
            throw new IllegalArgumentException(distinct.iterator().next()); // the same for every task: a missing key, say
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("model " + config.model() + " cannot run " + problems.size() + " of " + tasks.size()
                    + " task" + (tasks.size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** A cost cap counts what the price table says trials cost: without a price for the model it would count $0 and never stop anything. */
    private static void refuseUnpricedCap(BenchSpec spec, AgentConfig config, PriceTable prices) {
        ModelSpec model = config.model();
        boolean offline = model.provider() == ModelSpec.Provider.SCRIPTED || model.provider() == ModelSpec.Provider.REPLAY;
        if (spec.maxRunCostUsd() > 0 && !offline && !prices.knows(model.name())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cost cap %s (--max-run-cost) cannot be"
                    + " enforced: the price of model %s is unknown%s, so its trials would count as $0; give its price in a file"
                    + " (--prices <file>) with the line '%s = <USD per Mtok in>, <USD per Mtok out>', or run without a cost cap",
                    RunEstimate.usd(spec.maxRunCostUsd()), model, spec.prices() == null ? "" : " (not in the built-in table nor in "
                            + spec.prices() + ")", model.name()));
        }
    }

    /** The estimate of the run, refined by this variant's latest results of these tasks, else its parent's. */
    private static RunEstimate estimate(BenchSpec spec, AgentConfig config, PriceTable prices, List<Task> tasks) {
        List<String> ids = tasks.stream().map(Task::id).toList();
        RunResults own = latest(spec.resultsDirectory(), spec.taskSet(), spec.variantId());
        RunResults measured = measures(own, ids) ? own : null;
        if (measured == null && spec.parentResults() != null) {
            RunResults parent = latest(spec.parentResults(), spec.taskSet(), String.valueOf(spec.parentId()));
            measured = measures(parent, ids) ? parent : null;
        }
        String from = measured != null ? measured.run().variant() + " run " + measured.run().runId()
                : spec.variantId() + (spec.parentResults() == null ? "" : " or its parent " + spec.parentId());
        return RunEstimate.of(ids, spec.trials(), config.limits(), config.model(), prices, measured, from);
    }

    private static boolean measures(RunResults results, List<String> ids) {
        return results != null && results.trials().stream().anyMatch(t -> t.graded() && ids.contains(t.task()));
    }

    /** The latest run of a results folder, or null when there is none (or it cannot be read: the estimate does without it). */
    private static RunResults latest(Path resultsDirectory, TaskSet taskSet, String variant) {
        if (!Files.isRegularFile(resultsDirectory.resolve(RunResults.latestFile(taskSet)))) {
            return null;
        }
        try {
            return RunResults.load(resultsDirectory, null, variant, taskSet);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Records in {@code run.json} of {@code spec}'s finished run whether its expansion set runs, and why. */
    public RunInfo recordExpansion(BenchSpec spec, RunInfo.Expansion expansion, Listener listener) {
        ResultsStore store = ResultsStore.at(spec.runDirectory());
        try (RunLock lock = RunLock.acquire(store.directory(), spec.runId(), listener::info)) {
            RunInfo updated = store.runInfo().orElseThrow(() -> new IllegalStateException("no run.json in " + store.directory()))
                    .withExpansion(expansion);
            store.write(updated);
            return updated;
        }
    }

    private static void prepareImages(TrialPipeline pipeline, List<Task> tasks, Listener listener) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Task task : tasks) {
            try {
                pipeline.prepare(task);
            } catch (TaskException | dev.agentic.sandbox.SandboxException e) {
                failed.add(task.id() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        listener.info(String.format("environment images ready for %d of %d tasks in %.1f s%s", tasks.size() - failed.size(), tasks.size(),
                (System.nanoTime() - start) / 1e9, failed.isEmpty() ? "" : "; failed (their trials will be retried, then"
                        + " recorded as infrastructure failures): " + String.join("; ", failed)));
    }

    private static List<TrialResult> resume(ResultsStore store, RunInfo run, BenchSpec spec) {
        var earlier = store.runInfo();
        if (earlier.isEmpty()) {
            return List.of();
        }
        if (!earlier.get().configHash().equals(run.configHash())) {
            throw new IllegalArgumentException("run " + spec.runId() + " in " + store.directory() + " was started with another"
                    + " configuration (" + earlier.get().config() + "); choose another run id to measure this one");
        }
        if (!earlier.get().suiteHash().equals(run.suiteHash())) {
            throw new IllegalArgumentException("run " + spec.runId() + " in " + store.directory() + " was started on different"
                    + " suite contents (hash " + earlier.get().suiteHash() + ", now " + run.suiteHash() + "); choose another run id");
        }
        List<TrialResult> kept = store.trials().stream().filter(t -> t.trial() <= spec.trials()).toList();
        Set<String> keys = kept.stream().map(TrialResult::key).collect(Collectors.toSet());
        Path trajectories = store.directory().resolve("trajectories");
        try (var files = Files.walk(trajectories)) { // a task id's namespace is a folder: trajectories/tb/hello-world.1.jsonl
            for (Path partial : files.filter(Files::isRegularFile).filter(f -> !keys.contains(
                    trajectories.relativize(f).toString().replace('\\', '/').replaceFirst("\\.jsonl$", ""))).toList()) {
                Files.delete(partial);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot tidy " + store.directory() + ": " + e.getMessage(), e);
        }
        return kept;
    }

    /**
     * {@code run.json} of a run starting now. Paths (in settings, and the suite manifest's) are written as {@code config}'s
     * {@link AgentConfig#paths()} says: relative to the repository the results are in, so that the description and its
     * configuration hash are the same on every clone.
     */
    private static RunInfo describe(BenchSpec spec, AgentConfig config, Suite suite, int taskCount, Place place) {
        Map<String, String> settings = described(spec, config, place);
        String hash = configHash(settings, spec);
        String version = BenchRunner.class.getPackage().getImplementationVersion();
        return new RunInfo(RunInfo.SCHEMA, spec.runId(), spec.variantId(), spec.parentId(), spec.hypothesis(), settings, hash,
                settings.get(Settings.MODEL.key()), suite.id(), config.paths().print(spec.suite().toString()), suite.hash(), spec.taskSet(),
                taskCount, spec.trials(), spec.concurrency(), spec.timeoutMultiplier(), version == null ? "development" : version,
                gitCommit(spec.suite()), DockerSandbox.hostName(), System.getProperty("java.version"), Instant.now().toString(), null,
                RunStatus.RUNNING);
    }

    /** The settings a run records: every setting of {@code config}, what decides the wall time, the containers' network, a place that is not isolated. */
    private static Map<String, String> described(BenchSpec spec, AgentConfig config, Place place) {
        Map<String, String> settings = new TreeMap<>(config.describe());
        if (!spec.settings().containsKey(Settings.WALL_TIME.key())) {
            settings.put(Settings.WALL_TIME.key(), RunInfo.TASK_WALL_TIME + " × " + spec.timeoutMultiplier());
        }
        if (!dev.agentic.sandbox.ContainerNetwork.offline()) { // left out when none, so that earlier runs keep their hash
            settings.put(RunInfo.CONTAINER_NETWORK, dev.agentic.sandbox.ContainerNetwork.mode());
        }
        if (!place.isolated()) { // left out for isolated places, which measure the same, so that earlier runs keep their hash
            settings.put(RunInfo.SANDBOX, place.name());
        }
        return settings;
    }

    private static String configHash(Map<String, String> settings, BenchSpec spec) {
        return sha256(settings + "|" + spec.timeoutMultiplier());
    }

    private static String gitCommit(Path near) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(near.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
