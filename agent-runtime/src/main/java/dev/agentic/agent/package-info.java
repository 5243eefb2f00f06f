/**
 * The agent loop and its configuration: render the prompts, call the model, run its tool calls,
 * record every event, apply the memory policy, repeat until the model submits or a limit is hit.
 * {@link dev.agentic.agent.AgentConfig} holds every dimension a variant may change, each with a
 * short textual form.
 *
 * <p>Not here: models, tools, memory, planning, diagnosis (their own packages); tasks and grading.
 */
package dev.agentic.agent;
