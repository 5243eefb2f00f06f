/**
 * Planning strategies: {@code none}; {@code plan-first} (a plan before the first action, pinned
 * in the context and revisable with the {@code update_plan} tool); {@code reflect} or
 * {@code reflect:K} (a short reflection turn after a failed command or test run, and every K
 * steps).
 *
 * <p>Not here: making the model calls (package {@code agent}).
 */
package dev.agentic.planning;
