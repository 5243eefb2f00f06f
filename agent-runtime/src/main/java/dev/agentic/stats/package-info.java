/**
 * Statistics for deciding on noisy pass/fail trials: intervals, pass@k and pass^k for one variant
 * ({@link dev.agentic.stats.Proportions}) and what trials of one task are worth ({@link dev.agentic.stats.Clustering});
 * for a child against its parent, paired by task, the verdict's test, a one-sided paired t-test on per-task
 * differences with the task-clustered standard error ({@link dev.agentic.stats.PairedTTest}), its minimum
 * detectable effect ({@link dev.agentic.stats.Power}), and, as diagnostics, a task-resampling bootstrap interval
 * ({@link dev.agentic.stats.PairedBootstrap}) and the exact sign test ({@link dev.agentic.stats.SignTest});
 * anytime-valid tests for adaptive trials ({@link dev.agentic.stats.BettingTest},
 * {@link dev.agentic.stats.SequentialTest}); Holm's correction when several children are compared
 * ({@link dev.agentic.stats.Holm}); and the one boundary all of them decide with
 * ({@link dev.agentic.stats.Significance}). Each function states its formula and where it comes from.
 *
 * <p>Not here: what the numbers are about (packages {@code bench} and {@code lineage}).
 */
package dev.agentic.stats;
