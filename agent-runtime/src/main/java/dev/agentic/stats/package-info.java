/**
 * Statistics for deciding on noisy pass/fail trials: intervals for one variant, and (with the
 * comparison of variants) paired tests. Each function states its formula and where it comes from.
 *
 * <p>Not here: what the numbers are about (packages {@code bench} and {@code lineage}).
 */
package dev.agentic.stats;
