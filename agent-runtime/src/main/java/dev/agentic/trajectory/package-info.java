/**
 * The record of an episode: one JSON object per line ({@code trajectory.jsonl}), appended and
 * flushed as each event happens so that a crash loses at most the current step. The schema is
 * documented in {@code docs/agent.md}; {@link dev.agentic.trajectory.TrajectoryEvent#SCHEMA_VERSION}
 * changes whenever a field changes meaning. Secrets from the environment are redacted before
 * anything is written; {@link dev.agentic.trajectory.Secrets} is the one place that redacts, for
 * every file and console line of the harness and for model errors.
 *
 * <p>Not here: deciding what happens (package {@code agent}), classifying failures (package
 * {@code diagnosis}).
 */
package dev.agentic.trajectory;
