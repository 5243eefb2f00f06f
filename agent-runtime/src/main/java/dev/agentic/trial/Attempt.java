package dev.agentic.trial;

import dev.agentic.agent.EpisodeResult;
import dev.agentic.verify.Grade;

/** What one attempt at a task came to: a grade, the harness's failure, or a task found broken. */
public sealed interface Attempt permits Attempt.Graded, Attempt.Infrastructure, Attempt.TaskBroken {

    /**
     * The agent ran and its work was graded ({@code grade} null when the trial is not graded). Grades
     * of {@code TASK_ERROR} (no result even after the reference solution) and {@code VERIFIER_ERROR} are among them.
     */
    record Graded(EpisodeResult episode, Grade grade, long agentMs) implements Attempt {}

    /** The harness failed (sandbox, model API after its retries, verifier): the attempt says nothing of the agent. */
    record Infrastructure(String error) implements Attempt {}

    /** The task cannot be attempted as it is (its environment does not build, its files are broken). */
    record TaskBroken(String error) implements Attempt {}
}
