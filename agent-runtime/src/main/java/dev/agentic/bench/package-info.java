/**
 * Running a variant on a suite at a place ({@code docker}, {@code local}): trials × tasks with a
 * concurrency setting, each through the trial pipeline (package {@code trial}); infrastructure errors
 * retried and labelled as such, attempts lost to the engine repeated, staged suites, cost caps, resumable runs, and the results store ({@code run.json},
 * {@code trials.jsonl}, trajectories, {@code summary.json}, {@code junit.xml}; a run's status and its stages' outcomes are
 * the closed sets {@link dev.agentic.bench.RunStatus} and {@link dev.agentic.bench.StageOutcome}). No Maven types:
 * the plugin and the command line both drive {@link dev.agentic.bench.BenchRunner}.
 *
 * <p>Not here: the agent (package {@code agent}), grading (package {@code verify}), comparing
 * variants (packages {@code stats}, {@code lineage}).
 */
package dev.agentic.bench;
