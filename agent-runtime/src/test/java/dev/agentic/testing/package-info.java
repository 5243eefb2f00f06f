/**
 * Test fixtures for faults of the environment the harness runs in: {@link dev.agentic.testing.SecondEngine}, a Docker
 * engine of its own that a test may stop, kill and start again without touching the machine's engine, and
 * {@link dev.agentic.testing.ChildProcess}, a command (the runtime's command line, Maven) in a process of its own with
 * its environment (e.g. {@code DOCKER_HOST}), its output captured and its pid exposed for {@link dev.agentic.testing.Signal}s;
 * and {@link dev.agentic.testing.StoredResults}, results folders as finished runs leave them.
 */
package dev.agentic.testing;
