/**
 * Variants of the agent and their lineage: each variant names its parent and only the settings it
 * changes; its effective configuration is its ancestors' settings overridden in order.
 *
 * <p>Not here: running variants (package {@code bench}), judging them (package {@code stats}).
 */
package dev.agentic.lineage;
