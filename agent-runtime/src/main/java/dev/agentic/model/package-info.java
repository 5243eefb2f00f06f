/**
 * Models the agent talks to, chosen by a spec string: {@code openai:<model>} (any
 * OpenAI-compatible server through a base URL), {@code anthropic:<model>}, {@code ollama:<model>},
 * {@code scripted:<file>} (offline, replays a file of turns) and {@code replay:<trajectory>}
 * (re-issues a recorded trajectory's model outputs). Also retries with backoff, token usage
 * (cached input included), cost per call from a price table (unknown for an unlisted model) and
 * prompt caching of the stable prefix. API keys come only from environment variables.
 *
 * <p>Not here: what is sent to the model (package {@code agent}), tools (package {@code tool}).
 */
package dev.agentic.model;
