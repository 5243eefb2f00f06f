/**
 * Variants of the agent and their lineage: each variant names its parent and only the settings it
 * changes; its effective configuration is its ancestors' settings overridden in order. Also what is
 * decided about variants from their results in an experiments folder: a child against its parent
 * ({@code Comparisons}, {@code ParentComparison}), the gate ({@code GateRule}, {@code GateDecision}),
 * promotion ({@code Promotion}, {@code PromotionRound}, {@code PromotionLog}) and the lineage drawn with
 * rates and verdicts ({@code LineageDrawing}). Messages say what is wrong in the runtime's words; the
 * Maven goals and the command line add the names of their own options.
 *
 * <p>Not here: running variants (package {@code bench}), the statistics' formulas (package {@code stats}),
 * Markdown and HTML for people and where they are published (package {@code report}).
 */
package dev.agentic.lineage;
