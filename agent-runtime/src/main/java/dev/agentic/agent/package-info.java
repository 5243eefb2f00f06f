/**
 * The agent loop and its configuration: render the prompts, call the model, run its tool calls,
 * record every event, apply the memory policy, repeat until the model submits or a limit is hit.
 * {@link dev.agentic.agent.AgentConfig} holds every dimension a variant may change; the registry
 * {@link dev.agentic.agent.Settings} defines each setting once (key, {@link dev.agentic.agent.Dimension},
 * how its text is read and written, default, documentation) for the configuration, variants, the pom
 * reader, the command line and the docs; {@link dev.agentic.agent.PathForm} says how the paths inside
 * settings are written (relative to a repository in what a run records).
 *
 * <p>Not here: models, tools, memory policies, planning strategies and self-diagnosis (their own
 * packages); where the sandbox comes from, the task and its grade.
 */
package dev.agentic.agent;
