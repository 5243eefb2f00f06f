/**
 * Statistics for deciding on noisy pass/fail trials: intervals and pass@k for one variant
 * ({@link dev.agentic.stats.Proportions}); for a child against its parent, paired by task, a task-resampling
 * bootstrap interval ({@link dev.agentic.stats.PairedBootstrap}), the exact sign test
 * ({@link dev.agentic.stats.SignTest}), Wald's sequential test for adaptive trials ({@link dev.agentic.stats.Sprt}),
 * the minimum detectable effect ({@link dev.agentic.stats.Power}) and what trials of one task are worth
 * ({@link dev.agentic.stats.Clustering}); Holm's correction when several children are compared
 * ({@link dev.agentic.stats.Holm}). Each function states its formula and where it comes from.
 *
 * <p>Not here: what the numbers are about (packages {@code bench} and {@code lineage}).
 */
package dev.agentic.stats;
