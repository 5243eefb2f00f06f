/**
 * The standalone command line, {@code agentx}: run the agent on one task with a live transcript.
 * Commands parse their options, call the runtime and print; they hold no logic of their own. A failure
 * is one line ({@code Failure}); {@code --debug} or {@code AGENTX_DEBUG=1} adds its stack trace.
 */
package dev.agentic.cli;
