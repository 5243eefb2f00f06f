/**
 * The agent loop and its configuration. {@link dev.agentic.agent.Agent} runs one episode in a sandbox:
 * render the prompts ({@link dev.agentic.agent.PromptStrategy}: {@code default}, {@code verify-first} or a
 * folder of one's own), call the model, run its tool calls, hand each result to self-diagnosis, make the
 * planning strategy's plan and reflection requests, apply the memory policy (with a summary call when the
 * policy asks for one), and repeat until the model submits or something stops it: a step, token, cost or
 * wall-time limit, repeated format errors, a failing sandbox or a model error
 * ({@link dev.agentic.agent.ExitStatus}). Every event goes out as it happens, for the trajectory.
 * {@link dev.agentic.agent.AgentConfig} holds every dimension a variant may change, each with a short
 * textual form.
 *
 * <p>Not here: models, tools, memory policies, planning strategies and self-diagnosis (their own
 * packages); where the sandbox comes from, the task and its grade.
 */
package dev.agentic.agent;
