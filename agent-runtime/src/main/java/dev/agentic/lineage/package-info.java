/**
 * Variants of the agent and their lineage: each variant names its parent and only the settings it
 * changes; its effective configuration is its ancestors' settings overridden in order. A
 * {@link dev.agentic.lineage.ResolvedVariant} is that configuration in one file, as the Maven goal hands
 * it to the bench's JVM.
 *
 * <p>Not here: running variants (package {@code bench}), judging them (package {@code stats}).
 */
package dev.agentic.lineage;
