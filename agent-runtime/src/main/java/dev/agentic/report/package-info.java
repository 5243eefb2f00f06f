/**
 * Results for people: Markdown summaries of a run or of a comparison, for pull-request comments
 * and CI step summaries.
 *
 * <p>Not here: computing the numbers (packages {@code bench}, {@code stats}, {@code lineage}).
 */
package dev.agentic.report;
