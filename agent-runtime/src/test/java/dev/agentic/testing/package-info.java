/**
 * Test fixtures: real things a test can own and break. {@link dev.agentic.testing.MemorySandbox}, a
 * sandbox whose files live in a map and whose commands the test answers, for the loop and the tools
 * without Docker; {@link dev.agentic.testing.SecondEngine}, a Docker engine of its own that a test may
 * stop, kill and start again without touching the machine's engine; {@link dev.agentic.testing.ChildProcess},
 * a command (the runtime's command line, Maven) in a process of its own with its environment (e.g.
 * {@code DOCKER_HOST}), its output captured and its pid exposed for {@link dev.agentic.testing.Signal}s,
 * and {@link dev.agentic.testing.Procfs}, what {@code /proc} says of a process; for fetches,
 * {@link dev.agentic.testing.GitDaemon} ({@code git daemon} on the loopback address, standing in for a
 * git host) and {@link dev.agentic.testing.DatasetServer} (a loopback server of the Hugging Face Hub's file protocol);
 * {@link dev.agentic.testing.StoredResults}, results folders as finished runs leave them, and
 * {@link dev.agentic.testing.Trials}, the trial results in them.
 */
package dev.agentic.testing;
