/**
 * Variants of the agent and what is concluded about them. A {@link dev.agentic.lineage.Variant} names its
 * parent and only the settings it changes (one change, unless it says why); its effective configuration
 * is its ancestors' settings overridden in order, and the {@link dev.agentic.lineage.Lineage} checks ids,
 * parents and cycles; a {@link dev.agentic.lineage.ResolvedVariant} is that configuration in one file, as
 * the Maven goal hands it to the bench's JVM. From the results in an experiments folder: a child against
 * its parent paired by task ({@link dev.agentic.lineage.Comparisons}, {@link dev.agentic.lineage.ParentComparison})
 * into a {@link dev.agentic.lineage.Verdict}, with how its failures differ ({@link dev.agentic.lineage.FailureModes});
 * the gate ({@link dev.agentic.lineage.GateRule}, {@link dev.agentic.lineage.GateDecision}); whether a staged run
 * goes on to its expansion set ({@link dev.agentic.lineage.ExpansionGate}); promotion
 * ({@link dev.agentic.lineage.Promotion}, {@link dev.agentic.lineage.PromotionRound},
 * {@link dev.agentic.lineage.PromotionLog}); and the lineage drawn with rates and verdicts
 * ({@link dev.agentic.lineage.LineageDrawing}). Messages say what is wrong in the runtime's words; the
 * Maven goals and the command line add the names of their own options.
 *
 * <p>Not here: running variants (package {@code bench}), the statistics' formulas (package {@code stats}),
 * Markdown and HTML for people and where they are published (package {@code report}).
 */
package dev.agentic.lineage;
