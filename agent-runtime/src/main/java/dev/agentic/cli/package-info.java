/**
 * The standalone command line, {@code agentx}: run the agent on one task with a live transcript.
 * Commands parse their options, call the runtime and print; they hold no logic of their own.
 */
package dev.agentic.cli;
