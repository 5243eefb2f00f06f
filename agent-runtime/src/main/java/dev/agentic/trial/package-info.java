/**
 * One trial, the one way: {@link dev.agentic.trial.TrialPipeline} starts the task's environment at a
 * {@link dev.agentic.sandbox.Place}, lets its {@link dev.agentic.trial.Grading} take what it needs, has a
 * {@link dev.agentic.trial.TrialAgent} work in the sandbox (the model's agent, the oracle, nop, or steps
 * given as code), grades, and removes the sandbox whatever happens; what came of it is an
 * {@link dev.agentic.trial.Attempt} (graded, the harness's failure, or a broken task). Bench, run and
 * validate all attempt tasks here. A bench trial is stored as a {@link dev.agentic.trial.TrialResult} (which
 * trial, its score, the agent's run, what it spent, its timing and attempts) with its
 * {@link dev.agentic.trial.TrialOutcome outcome}, its primary {@link dev.agentic.trial.FailureLabel failure label} and
 * behaviour {@link dev.agentic.trial.TrialTags tags}; {@link dev.agentic.trial.TaskValidation} runs a suite's tasks
 * under the oracle and nop.
 *
 * <p>Not here: retries, scheduling and the results store of a run (package {@code bench}), how each
 * benchmark grades (package {@code verify}), the loop itself (package {@code agent}).
 */
package dev.agentic.trial;
