package dev.agentic.bench;

import dev.agentic.agent.Agent;
import dev.agentic.agent.AgentConfig;
import dev.agentic.agent.EpisodeResult;
import dev.agentic.agent.ExitStatus;
import dev.agentic.diagnosis.FailureLabels;
import dev.agentic.diagnosis.TrialTags;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.model.Cost;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelOptions;
import dev.agentic.model.Models;
import dev.agentic.sandbox.DockerSandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.sandbox.ScopedSandbox;
import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import dev.agentic.task.TaskImages;
import dev.agentic.trajectory.Secrets;
import dev.agentic.trajectory.TrajectoryWriter;
import dev.agentic.verify.Grade;
import dev.agentic.verify.GraderGuard;
import dev.agentic.verify.Verifier;
import dev.agentic.sandbox.DockerEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

/**
 * Runs one trial: the task's container, the agent with a fresh model, the task's tests. Failures
 * of the harness (image build, container start, sandbox, model API after its retries, verifier)
 * are retried up to the spec's limit and, if they persist, recorded as infrastructure failures with
 * their error text; a task that cannot be built or graded is a task error.
 */
final class TrialRunner {

    private final BenchSpec spec;
    private final AgentConfig config;
    private final Models models;
    private final TaskImages images;
    private final ResultsStore store;
    private final boolean wallTimeSet;
    private final java.util.Set<String> besideProcesses;
    private final DockerEngine engine;
    private final Consumer<String> log;

    TrialRunner(BenchSpec spec, AgentConfig config, Models models, TaskImages images, ResultsStore store, java.util.Set<String> besideProcesses,
                DockerEngine engine, Consumer<String> log) {
        this.besideProcesses = java.util.Set.copyOf(besideProcesses);
        this.spec = spec;
        this.config = config;
        this.models = models;
        this.images = images;
        this.store = store;
        this.wallTimeSet = spec.settings().containsKey("wall-time");
        this.engine = engine;
        this.log = log;
    }

    /**
     * Runs {@code task}'s trial {@code trial}. An attempt that overlaps a loss of the Docker engine
     * proves nothing, whatever it ended with: the engine is waited for and the attempt repeated,
     * outside the retry budget; if the engine does not come back in time, {@link RunFailure} ends the run.
     */
    TrialResult run(Task task, int trial) {
        Instant started = Instant.now();
        List<String> retried = new ArrayList<>();
        int budget = spec.infraRetries();
        int engineLosses = 0;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RunFailure(RunFailure.Cause.INTERRUPTED, "interrupted");
            }
            long faults = engine.faults();
            long attemptStart = System.nanoTime();
            TrialResult result;
            try {
                result = attempt(task, trial, attempt, started);
            } catch (TaskException broken) {
                result = taskError(task, trial, started, attempt, broken.getMessage());
            } catch (RuntimeException e) {
                result = infrastructure(task, trial, started, attempt, BenchRunner.describe(e));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RunFailure(RunFailure.Cause.INTERRUPTED, "interrupted");
            }
            if (engine.faults() != faults || (!result.graded()
                    && (!engine.answers() || engine.backShortlyBefore(attemptStart, ENGINE_SETTLE)))) {
                retried.add("attempt " + attempt + ": the Docker engine at " + engine.address() + " was lost during it"
                        + (result.graded() ? "" : ": " + result.infraError()));
                if (++engineLosses > MAX_ENGINE_LOSSES) {
                    throw new RunFailure(RunFailure.Cause.ENGINE_LOST, "stopped because the Docker engine at " + engine.address()
                            + " was lost " + engineLosses + " times during trial " + task.id() + "." + trial);
                }
                if (!engine.awaitAnswer(spec.engineWait(), log)) {
                    throw new RunFailure(RunFailure.Cause.ENGINE_LOST, "stopped because the Docker engine at " + engine.address()
                            + " did not answer for " + DockerEngine.human(spec.engineWait()) + " (" + engine.lastError()
                            + "; wait longer with -Dagent.engineWait)");
                }
                DockerSandbox.dropStaleConnections();
                continue;
            }
            if (!result.infrastructureFailure() || budget-- <= 0) {
                return result.withRetriedErrors(retried);
            }
            retried.add("attempt " + attempt + ": " + result.infraError());
        }
    }

    /** An attempt that fails this soon after the engine came back is blamed on the loss, not counted against the retries. */
    private static final Duration ENGINE_SETTLE = Duration.ofSeconds(30);

    /** A trial lost to the engine this many times in a row stops the run: the engine is not reliable enough to measure with. */
    private static final int MAX_ENGINE_LOSSES = 5;

    private TrialResult taskError(Task task, int trial, Instant started, int attempt, String error) {
        return new TrialResult(TrialResult.SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                false, 0, Grade.Outcome.TASK_ERROR.name(), FailureLabels.TASK_ERROR, null, null, Map.of(), null,
                0, 0, 0, 0, 0, 0, Duration.between(started, Instant.now()).toMillis(), attempt, error,
                null, started.toString(), Instant.now().toString(), List.of(), null);
    }

    private TrialResult infrastructure(Task task, int trial, Instant started, int attempt, String error) {
        return new TrialResult(TrialResult.SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                false, 0, "INFRASTRUCTURE", FailureLabels.INFRASTRUCTURE, null, null, Map.of(), null, 0, 0, 0, 0, 0, 0,
                Duration.between(started, Instant.now()).toMillis(), attempt, error == null || error.isBlank() ? "(no error text)" : error,
                relative(task, trial), started.toString(), Instant.now().toString(), List.of(), null);
    }

    /** One attempt: its result, an infrastructure failure (with its error text) when the harness failed. */
    private TrialResult attempt(Task task, int trial, int attempt, Instant started) {
        SandboxSpec sandboxSpec = images.sandboxSpec(task).withLabels(Map.of("dev.agentic.run", spec.runId(), "dev.agentic.task", task.id()));
        Duration agentTime = scaled(task.agentTimeout());
        AgentConfig trialConfig = wallTimeSet ? config : config.withWallTime(Duration.ofSeconds(Math.max(1, agentTime.toSeconds())));
        ModelClient model = models.create(config.model(), ModelOptions.DEFAULT.withSampling(config.temperature(), config.seed())
                .withPromptCache(config.promptCache()).withPrices(spec.prices()), task.id());
        try (DockerSandbox sandbox = DockerSandbox.start(sandboxSpec);
             TrajectoryWriter trajectory = new TrajectoryWriter(store.trajectory(task.id(), trial), Secrets.standard())) {
            GraderGuard guard = GraderGuard.of(task, sandbox);
            long agentStart = System.nanoTime();
            EpisodeResult episode = new Agent(trialConfig, model, trajectory::write)
                    .run(ScopedSandbox.of(sandbox, task.agentExec()), task.id(), task.instruction());
            long agentMs = (System.nanoTime() - agentStart) / 1_000_000;
            if (episode.exitStatus() == ExitStatus.MODEL_ERROR || episode.exitStatus() == ExitStatus.SANDBOX_ERROR) {
                return infrastructure(task, trial, started, attempt, "the agent's episode ended with " + episode.exitStatus().label()
                        + ": " + (episode.detail() == null ? "(no detail)" : episode.detail()));
            }
            String stopped = sandbox.notRunning();
            if (stopped != null) {
                return infrastructure(task, trial, started, attempt, "the task's container stopped during the episode: " + stopped);
            }
            Grade grade = Verifier.of(task, DockerSandbox::start, sandboxSpec, scaled(task.testTimeout()),
                    besideProcesses.contains(task.id())).verify(sandbox, guard);
            if (grade.outcome() == Grade.Outcome.VERIFIER_ERROR) {
                return infrastructure(task, trial, started, attempt, "the verifier failed: " + (grade.detail() == null ? "(no detail)" : grade.detail()));
            }
            boolean taskError = grade.outcome() == Grade.Outcome.TASK_ERROR;
            List<String> tags = TrialTags.of(Trajectories.read(store.trajectory(task.id(), trial)), grade.resolved());
            Map<String, String> tests = new LinkedHashMap<>();
            grade.tests().forEach((name, status) -> tests.put(name, status.name()));
            return new TrialResult(TrialResult.SCHEMA, task.id(), trial, task.format(), task.category(), task.difficulty().label(),
                    grade.resolved(), grade.reward(), grade.outcome().name(),
                    FailureLabels.primary(false, episode.exitStatus(), grade), episode.exitStatus().label(), episode.detail(),
                    tests, grade.sweBench() == null ? null : grade.sweBench().resolution().name(), episode.steps(),
                    episode.usage().inputTokens(), episode.usage().outputTokens(), episode.costUsd(), agentMs, grade.durationMs(),
                    Duration.between(started, Instant.now()).toMillis(), attempt, taskError ? grade.detail() : null,
                    relative(task, trial), started.toString(), Instant.now().toString(), tags, null,
                    episode.usage().cachedInputTokens(), episode.usage().cacheWriteTokens(), episode.cost().withoutCachingUsdOrNull(),
                    episode.cost() instanceof Cost.Known known && known.cachedPriceUnknown() ? Boolean.TRUE : null);
        }
    }

    private Duration scaled(Duration timeout) {
        return Duration.ofMillis((long) (timeout.toMillis() * spec.timeoutMultiplier()));
    }

    private String relative(Task task, int trial) {
        return store.directory().relativize(store.trajectory(task.id(), trial)).toString().replace('\\', '/');
    }
}
