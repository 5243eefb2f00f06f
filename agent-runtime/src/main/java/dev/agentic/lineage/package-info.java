/**
<<<<<<< HEAD
 * Variants of the agent and what is concluded about them. A {@link dev.agentic.lineage.Variant} names its
 * parent and only the settings it changes (one change, unless it says why); its effective configuration
 * is its ancestors' settings overridden in order, and the {@link dev.agentic.lineage.Lineage} checks ids,
 * parents and cycles. A child is compared with its parent paired by task
 * ({@link dev.agentic.lineage.Comparisons}: Δ with its bootstrap interval, the sign test, the minimum
 * detectable effect) into a {@link dev.agentic.lineage.Verdict}, with how its failures differ
 * ({@link dev.agentic.lineage.FailureModes}); the {@link dev.agentic.lineage.ExpansionGate} decides whether
 * a staged run goes on to the expansion set; {@link dev.agentic.lineage.Promotion} picks the child that
 * continues a generation, and {@link dev.agentic.lineage.PromotionLog} keeps every decision with its evidence.
 *
 * <p>Not here: running variants and storing their results (package {@code bench}), the statistical
 * functions themselves (package {@code stats}).
=======
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
>>>>>>> wt-mojos
 */
package dev.agentic.lineage;
