/**
 * The record of an episode: one JSON object per line ({@code trajectory.jsonl}), appended and
 * flushed as each event happens so that a crash loses at most the current step, and read back by
 * {@link dev.agentic.trajectory.Trajectories}. The schema is documented in {@code docs/agent.md};
 * {@link dev.agentic.trajectory.TrajectoryEvent#SCHEMA_VERSION} changes whenever a field changes meaning.
 * Secrets from the environment are redacted before anything is written;
 * {@link dev.agentic.trajectory.Secrets} is the one place that redacts, for every file and console line of
 * the harness (console lines pass through a redacting stream) and for model errors.
 *
 * <p>Not here: deciding what happens (package {@code agent}), diagnosing or labelling what went wrong.
 */
package dev.agentic.trajectory;
