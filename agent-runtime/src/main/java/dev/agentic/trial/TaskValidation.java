package dev.agentic.trial;

import dev.agentic.task.Task;
import dev.agentic.verify.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Checks that tasks can tell a solution from no work: each task runs K times under the
 * {@link TrialAgent.Oracle} and K times under {@link TrialAgent.Nop}, through the {@link TrialPipeline}. A valid task passes
 * under the oracle every time and fails under nop every time; a task that does either only
 * sometimes is flaky; one that never passes under the oracle, or passes under nop, is invalid.
 */
public final class TaskValidation {

    /** The verdict on one task. */
    public enum Status { VALID, FLAKY, INVALID }

    /** One task's result with the grades behind it. */
    public record Result(Task task, Status status, String reason, List<Grade> oracle, List<Grade> nop) {}

    private final TrialPipeline pipeline;
    private final int trials;
    private final int concurrency;

    public TaskValidation(TrialPipeline pipeline, int trials, int concurrency) {
        if (trials < 1 || concurrency < 1) {
            throw new IllegalArgumentException("trials and concurrency must be at least 1");
        }
        this.pipeline = pipeline;
        this.trials = trials;
        this.concurrency = concurrency;
    }

    /** Validates every task; {@code progress} hears of each task as it finishes. */
    public List<Result> validate(List<Task> tasks, Consumer<Result> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (Task task : tasks) {
                futures.add(pool.submit(() -> {
                    Result result = validate(task);
                    progress.accept(result);
                    return result;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    Result validate(Task task) {
        TrialAgent oracle = new TrialAgent.Oracle();
        TrialAgent nop = new TrialAgent.Nop();
        List<Grade> oracleGrades = new ArrayList<>();
        List<Grade> nopGrades = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            oracleGrades.add(pipeline.grade(task, oracle));
            nopGrades.add(pipeline.grade(task, nop));
        }
        long oraclePasses = oracleGrades.stream().filter(Grade::resolved).count();
        long nopPasses = nopGrades.stream().filter(Grade::resolved).count();
        if (oraclePasses == trials && nopPasses == 0) {
            return new Result(task, Status.VALID, "oracle " + trials + "/" + trials + ", nop 0/" + trials, oracleGrades, nopGrades);
        }
        StringBuilder reason = new StringBuilder();
        if (oraclePasses < trials) {
            Grade failed = oracleGrades.stream().filter(g -> !g.resolved()).findFirst().orElseThrow();
            reason.append("oracle passed ").append(oraclePasses).append("/").append(trials).append(" (")
                    .append(failed.outcome().name().toLowerCase()).append(": ").append(failed.detail()).append(")");
        }
        if (nopPasses > 0) {
            reason.append(reason.length() > 0 ? "; " : "").append("nop passed ").append(nopPasses).append("/").append(trials)
                    .append(": the tests do not detect a missing solution");
        }
        boolean flaky = oraclePasses > 0 && oraclePasses < trials || nopPasses > 0 && nopPasses < trials;
        return new Result(task, flaky ? Status.FLAKY : Status.INVALID, reason.toString(), oracleGrades, nopGrades);
    }
}
