/**
 * Memory policies: what of the conversation's turns the model is sent at each step. The system
 * prompt, the task and a pinned plan are never touched; policies see only the turns after them.
 * {@code full}; {@code window:N}; {@code token-budget:T}; {@code summarize:T}.
 *
 * <p>Not here: the conversation itself and when policies run (package {@code agent}).
 */
package dev.agentic.memory;
