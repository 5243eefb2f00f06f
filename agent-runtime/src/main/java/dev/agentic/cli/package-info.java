/**
 * The standalone command line, {@code agentx}: run the agent on one task with a live transcript, bench a variant,
 * validate and fetch suites, and the same use cases as the Maven goals over results folders (compare, gate,
 * promote, lineage, summary, report). Commands parse their options, call the runtime and print; they hold no logic
 * of their own, and add their own option names to the runtime's messages. A failure is one line ({@code Failure});
 * {@code --debug} or {@code AGENTX_DEBUG=1} adds its stack trace.
 */
package dev.agentic.cli;
