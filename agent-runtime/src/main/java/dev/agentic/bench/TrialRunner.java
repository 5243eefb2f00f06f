package dev.agentic.bench;

import dev.agentic.agent.AgentConfig;
import dev.agentic.model.ModelClient;
import dev.agentic.model.ModelOptions;
import dev.agentic.model.Models;
import dev.agentic.sandbox.Place;
import dev.agentic.task.Task;
import dev.agentic.task.TaskException;
import dev.agentic.trajectory.Trajectories;
import dev.agentic.trial.Attempt;
import dev.agentic.trial.TrialAgent;
import dev.agentic.trial.TrialPipeline;
import dev.agentic.trial.TrialResult;
import dev.agentic.trial.TrialTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one trial of a bench through the {@link TrialPipeline}: the agent with a fresh model. Failures
 * of the harness (image build, container start, sandbox, model API after its retries, verifier)
 * are retried up to the spec's limit and, if they persist, recorded as infrastructure failures with
 * their error text; a task that cannot be built or graded is a task error.
 */
final class TrialRunner {

    /** A trial lost to the engine this many times in a row stops the run: the engine is not reliable enough to measure with. */
    private static final int MAX_ENGINE_LOSSES = 5;

    private final BenchSpec spec;
    private final AgentConfig config;
    private final Models models;
    private final TrialPipeline pipeline;
    private final ResultsStore store;
    private final boolean wallTimeSet;
    private final Consumer<String> log;

    TrialRunner(BenchSpec spec, AgentConfig config, Models models, TrialPipeline pipeline, ResultsStore store, Consumer<String> log) {
        this.spec = spec;
        this.config = config;
        this.models = models;
        this.pipeline = pipeline;
        this.store = store;
        this.wallTimeSet = spec.settings().containsKey("wall-time");
        this.log = log;
    }

    /**
     * Runs {@code task}'s trial {@code trial}. An attempt that overlaps a loss of the place's engine
     * proves nothing, whatever it ended with: the place waits for the engine (or drains it) and the
     * attempt is repeated, outside the retry budget; when nothing is left to run on, {@link RunFailure} ends the run.
     */
    TrialResult run(Task task, int trial) {
        Instant started = Instant.now();
        List<String> retried = new ArrayList<>();
        int budget = spec.infraRetries();
        int engineLosses = 0;
        Place place = pipeline.place();
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new RunFailure(RunFailure.Cause.INTERRUPTED, "interrupted");
            }
            Place.Mark mark = place.mark();
            TrialResult result;
            try {
                result = attempt(task, trial, attempt, started);
            } catch (TaskException broken) {
                result = TrialResult.taskError(task, trial, started, attempt, broken.getMessage());
            } catch (RuntimeException e) {
                result = TrialResult.infrastructure(task, trial, started, attempt, BenchRunner.describe(e), relative(task, trial));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RunFailure(RunFailure.Cause.INTERRUPTED, "interrupted");
            }
            String lost;
            try {
                lost = place.lostSince(mark, result.graded(), log);
            } catch (Place.PlaceLost gone) {
                throw new RunFailure(RunFailure.Cause.ENGINE_LOST, "stopped because " + gone.getMessage() + "; wait longer with --engine-wait <duration>");
            }
            if (lost != null) {
                retried.add("attempt " + attempt + ": " + lost + (result.graded() ? "" : ": " + result.tries().error()));
                if (++engineLosses > MAX_ENGINE_LOSSES) {
                    throw new RunFailure(RunFailure.Cause.ENGINE_LOST, "stopped because trial " + task.id() + "." + trial + " was lost "
                            + engineLosses + " times to its engine (" + lost + ")");
                }
                continue;
            }
            if (!result.infrastructureFailure() || budget-- <= 0) {
                return result.withRetriedErrors(retried);
            }
            retried.add("attempt " + attempt + ": " + result.tries().error());
        }
    }

    /** One attempt: the agent with a model made for it, the task's wall time as its own unless the variant sets one. */
    private TrialResult attempt(Task task, int trial, int attempt, Instant started) {
        AgentConfig trialConfig = wallTimeSet ? config : config.withWallTime(Duration.ofSeconds(Math.max(1, scaled(task.agentTimeout()).toSeconds())));
        ModelClient model = models.create(config.model(), ModelOptions.DEFAULT.withSampling(config.temperature(), config.seed())
                .withPromptCache(config.promptCache()).withPrices(spec.prices()), task.id());
        Path trajectory = store.trajectory(task.id(), trial);
        Attempt outcome = pipeline.attempt(task, new TrialAgent.ModelAgent(trialConfig, model, trajectory, event -> { }));
        List<String> tags = outcome instanceof Attempt.Graded graded && graded.grade() != null && Files.isRegularFile(trajectory)
                ? TrialTags.of(Trajectories.read(trajectory), graded.grade().resolved()) : List.of();
        return TrialResult.of(task, trial, started, attempt, outcome, relative(task, trial), tags);
    }

    private Duration scaled(Duration timeout) {
        return Duration.ofMillis((long) (timeout.toMillis() * spec.timeoutMultiplier()));
    }

    private String relative(Task task, int trial) {
        return store.directory().relativize(store.trajectory(task.id(), trial)).toString().replace('\\', '/');
    }
}
